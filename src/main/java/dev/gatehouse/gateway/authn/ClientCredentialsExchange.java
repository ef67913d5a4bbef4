package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.kernel.cache.BoundedCache;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchanges client credentials for an access token (RFC 6749 §4.4, {@code client_secret_basic}) at
 * {@code token_url} (default: our own token endpoint, {@code /oauth2/token} under the tenant's issuer, never the
 * request's target host: that comes from {@code Host}/{@code X-Forwarded-Host}, so a caller could have the
 * credentials posted to a server of its choosing). Tokens are cached briefly,
 * keyed by an HMAC of the token URL, client id, secret and scope, never by the secret itself.
 */
@ApplicationScoped
public class ClientCredentialsExchange {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 1000;

    @Inject
    RemoteCalls remote;
    @Inject
    TokenHasher hasher;
    @Inject
    Clock clock;

    private BoundedCache<String, String> cache;

    /** An access token for the client in {@code config} ({@code client_id}, {@code client_secret}, {@code scope}). */
    String accessToken(GatewayRequest request, ExchangeConfig config) {
        String clientId = config.clientId()
                .orElseThrow(() -> GatewayException.internal("pre_authorization has no client_id"));
        String secret = config.clientSecret()
                .orElseThrow(() -> GatewayException.internal("pre_authorization has no client_secret"));
        return exchange(request, config, basic(clientId, secret), config.scope())
                .orElseThrow(() -> GatewayException.internal("the token endpoint refused the gateway's client credentials"));
    }

    /**
     * @return the access token, or empty when the token endpoint refused the credentials (4xx)
     * @throws GatewayException internal error when the endpoint fails otherwise
     */
    Optional<String> exchange(GatewayRequest request, ExchangeConfig config, String basicAuthorization, List<String> scopes) {
        URI tokenUrl = config.tokenUrl().orElseGet(() -> URI.create(request.issuer() + "/oauth2/token"));
        String scope = String.join(" ", scopes);
        String audience = config.audience();
        String key = hasher.hash(tokenUrl + "\n" + basicAuthorization + "\n" + scope + "\n" + audience);
        boolean caching = config.cache();
        Optional<String> hit = caching ? cache.get(key) : Optional.empty();
        if (hit.isPresent()) {
            return hit;
        }
        String form = "grant_type=client_credentials" + (scope.isEmpty() ? "" : "&scope=" + encode(scope))
                + (audience.isEmpty() ? "" : "&audience=" + encode(audience));
        RemoteCalls.Reply reply = remote.call("POST", tokenUrl, Map.of("Authorization", basicAuthorization,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"), form);
        if (reply.status() >= 400 && reply.status() < 500) {
            return Optional.empty();
        }
        if (reply.status() != 200 || !(JsonText.read(reply.body()) instanceof JsonObject body)
                || !(body.get("access_token") instanceof JsonString token)) {
            throw GatewayException.internal("the token endpoint answered " + reply.status());
        }
        Instant until = clock.instant().plus(config.ttl());
        if (body.get("expires_in") instanceof JsonNumber in) {
            Instant exp = clock.instant().plusSeconds(in.longValue());
            until = exp.isBefore(until) ? exp : until;
        }
        if (caching) {
            cache.put(key, token.getString(), until);
        }
        return Optional.of(token.getString());
    }

    @PostConstruct
    void createCache() {
        cache = new BoundedCache<>(MAX_ENTRIES, clock);
    }

    /** RFC 6749 §2.3.1: id and secret form-encoded, then Base64. */
    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
