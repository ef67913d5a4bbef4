package dev.gatehouse.gateway.authn;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * {@code jwt}'s config: the key sets ({@code jwks_urls}, at least one), the algorithms a token may use
 * ({@code allowed_algorithms}, RS256 when empty, never {@code none}), the claims it must carry
 * ({@code trusted_issuers}, {@code target_audience}, {@code required_scope} under {@code scope_strategy}) and where
 * it is ({@code token_from}).
 */
record JwtConfig(List<String> jwksUrls, List<String> allowedAlgorithms, List<String> trustedIssuers,
                 List<String> targetAudience, List<String> requiredScope, ScopeStrategy scopeStrategy, TokenFrom tokenFrom) {

    static final ConfigKeys KEYS = ConfigKeys.of("jwks_urls", "allowed_algorithms", "trusted_issuers", "target_audience",
            "required_scope", "scope_strategy").and(TokenFrom.KEYS).ignoring("jwks_max_wait", "jwks_ttl");

    static JwtConfig parse(JsonObject config) {
        List<String> urls = HandlerConfigs.strings(config, "jwks_urls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("jwks_urls must name at least one URL");
        }
        List<String> algorithms = HandlerConfigs.strings(config, "allowed_algorithms");
        algorithms = algorithms.isEmpty() ? List.of("RS256") : algorithms;
        for (String alg : algorithms) {
            if (alg.equalsIgnoreCase("none") || !JWSAlgorithm.Family.SIGNATURE.contains(JWSAlgorithm.parse(alg))
                    && !JWSAlgorithm.Family.HMAC_SHA.contains(JWSAlgorithm.parse(alg))) {
                throw new IllegalArgumentException("allowed_algorithms holds an unknown algorithm " + alg);
            }
        }
        List<String> issuers = HandlerConfigs.strings(config, "trusted_issuers");
        List<String> audience = HandlerConfigs.strings(config, "target_audience");
        ScopeStrategy strategy = ScopeStrategy.parse(config);
        List<String> required = HandlerConfigs.strings(config, "required_scope");
        if (strategy == ScopeStrategy.NONE && !required.isEmpty()) {
            throw new IllegalArgumentException("scope_strategy none cannot check required_scope; use exact, hierarchic or wildcard");
        }
        return new JwtConfig(urls, algorithms, issuers, audience, required, strategy, TokenFrom.parse(config));
    }
}
