package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;

/**
 * {@code id_token}'s config: the {@code claims} template (compiled here; {@code {}} when absent), the token's
 * issuer ({@code issuer_url}, absolute, or none) and lifetime ({@code ttl}, positive, 15 minutes by default).
 * {@code jwks_url} is accepted and ignored: the tenant's own keys sign.
 */
record IdTokenConfig(Template claims, String issuer, Duration ttl) {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    private static final Template NO_CLAIMS = Templates.compile("{}");

    static IdTokenConfig parse(JsonObject config) {
        Template claims = HandlerConfigs.string(config, "claims").map(Templates::compile).orElse(NO_CLAIMS);
        HandlerConfigs.string(config, "jwks_url");
        String issuer = HandlerConfigs.string(config, "issuer_url").orElse("");
        if (!issuer.isEmpty() && !URI.create(issuer).isAbsolute()) {
            throw new IllegalArgumentException("issuer_url must be an absolute URL");
        }
        Duration ttl = HandlerConfigs.duration(config, "ttl").orElse(DEFAULT_TTL);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return new IdTokenConfig(claims, issuer, ttl);
    }
}
