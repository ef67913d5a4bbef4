package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@link ClientCredentialsExchange} asks for a token: {@code token_url} (empty: our own token endpoint),
 * {@code scope}, {@code audience}, {@code cache.enabled} (true unless false) and {@code cache.ttl}; for
 * {@code oauth2_introspection}'s {@code pre_authorization} also the gateway's own {@code client_id} and
 * {@code client_secret} (their absence fails the decision, not the rule, as it always did).
 */
record ExchangeConfig(Optional<URI> tokenUrl, List<String> scope, String audience, boolean cache, Duration ttl,
                      Optional<String> clientId, Optional<String> clientSecret) {

    static ExchangeConfig parse(JsonObject config) {
        Optional<URI> tokenUrl = HandlerConfigs.httpUrl(config, "token_url", "token_url");
        List<String> scope = HandlerConfigs.strings(config, "scope");
        String audience = HandlerConfigs.string(config, "audience").orElse("");
        JsonObject cache = HandlerConfigs.object(config, "cache");
        Duration ttl = HandlerConfigs.duration(cache, "ttl").orElse(ClientCredentialsExchange.DEFAULT_TTL);
        boolean caching = HandlerConfigs.bool(cache, "enabled", true);
        return new ExchangeConfig(tokenUrl, scope, audience, caching, ttl, HandlerConfigs.string(config, "client_id"),
                HandlerConfigs.string(config, "client_secret"));
    }

    /** Not the secret: a config may end up in a log line. */
    @Override
    public String toString() {
        return "ExchangeConfig[tokenUrl=" + tokenUrl + ", scope=" + scope + ", audience=" + audience + ", cache=" + cache
                + ", ttl=" + ttl + ", clientId=" + clientId + ", clientSecret=" + (clientSecret.isPresent() ? "(set)" : "none") + "]";
    }
}
