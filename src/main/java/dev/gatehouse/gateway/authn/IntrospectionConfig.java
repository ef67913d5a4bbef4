package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code oauth2_introspection}'s config: where the token is ({@code token_from}, {@code prefix}), where it is
 * introspected ({@code introspection_url}, empty: in-process; {@code introspection_request_headers},
 * {@code preserve_host}, {@code pre_authorization} when enabled), what the answer must hold
 * ({@code trusted_issuers}, {@code target_audience}, {@code required_scope} under {@code scope_strategy}) and how
 * long it is cached ({@code cache.enabled}, {@code cache.ttl}, {@code cache.max_cost}).
 */
record IntrospectionConfig(TokenFrom tokenFrom, Optional<URI> introspectionUrl, ScopeStrategy scopeStrategy,
                           List<String> requiredScope, List<String> targetAudience, List<String> trustedIssuers,
                           Map<String, String> requestHeaders, boolean preserveHost, Cache cache,
                           Optional<ExchangeConfig> preAuthorization) {

    static final ConfigKeys KEYS = ConfigKeys.of("introspection_url", "scope_strategy", "required_scope", "target_audience",
            "trusted_issuers", "introspection_request_headers", "prefix", "preserve_host", "cache.enabled", "cache.ttl",
            "cache.max_cost", "pre_authorization.enabled", "pre_authorization.client_id", "pre_authorization.client_secret",
            "pre_authorization.token_url", "pre_authorization.audience", "pre_authorization.scope")
            .and(TokenFrom.KEYS).ignoring("retry");

    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_COST = 1000;

    /** {@code cache}: off unless {@code enabled} is {@code true}; {@code ttl} 30s, at most {@code max_cost} answers. */
    record Cache(boolean enabled, Duration ttl, int maxCost) {
    }

    static IntrospectionConfig parse(JsonObject config) {
        TokenFrom tokenFrom = TokenFrom.parse(config);
        Optional<URI> url = HandlerConfigs.httpUrl(config, "introspection_url", "introspection_url");
        ScopeStrategy strategy = ScopeStrategy.parse(config);
        List<String> required = HandlerConfigs.strings(config, "required_scope");
        if (strategy == ScopeStrategy.NONE && !required.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("scope_strategy none leaves required_scope to the introspection endpoint, "
                    + "so it needs introspection_url; use exact, hierarchic or wildcard");
        }
        List<String> audience = HandlerConfigs.strings(config, "target_audience");
        List<String> issuers = HandlerConfigs.strings(config, "trusted_issuers");
        Map<String, String> headers = HandlerConfigs.headers(config, "introspection_request_headers");
        boolean preserveHost = HandlerConfigs.bool(config, "preserve_host", false);
        JsonObject cache = HandlerConfigs.object(config, "cache");
        Duration ttl = HandlerConfigs.duration(cache, "ttl").orElse(DEFAULT_TTL);
        int maxCost = HandlerConfigs.integer(cache, "max_cost", DEFAULT_MAX_COST);
        if (maxCost < 1) {
            throw new IllegalArgumentException("cache.max_cost must be at least 1");
        }
        JsonObject pre = HandlerConfigs.object(config, "pre_authorization");
        Optional<ExchangeConfig> preAuthorization = pre.getBoolean("enabled", false)
                ? Optional.of(ExchangeConfig.parse(pre)) : Optional.empty();
        // a cache.enabled that is not true leaves the cache off, as it always did
        return new IntrospectionConfig(tokenFrom, url, strategy, required, audience, issuers, headers, preserveHost,
                new Cache(cache.getBoolean("enabled", false), ttl, maxCost), preAuthorization);
    }

    /**
     * The {@code required_scope} the introspection endpoint checks (sent as {@code scope}, RFC 7662 leaves it to
     * the server) when {@code scope_strategy} is {@code none}; empty when we check scopes ourselves. Its answer
     * holds only for those scopes, so they are part of the cache key.
     */
    String remotelyCheckedScopes() {
        return scopeStrategy == ScopeStrategy.NONE ? String.join(" ", requiredScope) : "";
    }
}
