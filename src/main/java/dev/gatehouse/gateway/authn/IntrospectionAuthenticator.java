package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.port.LocalIntrospection;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.cache.BoundedCache;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code oauth2_introspection}, as Oathkeeper's: responsible when the request carries a bearer token (or where
 * {@code token_from} says) that starts with {@code prefix} (e.g. {@code ory_at_}, so session tokens go on to
 * {@code bearer_token}). Without {@code introspection_url} the token is looked up in-process among our own
 * tokens; else it is posted to that RFC 7662 endpoint (with a client-credentials token when
 * {@code pre_authorization.enabled}). Inactive, expired or revoked tokens are 401; an untrusted issuer, a
 * missing audience or a missing {@code required_scope} (by {@code scope_strategy}) is 403, as in Oathkeeper. Answers are cached
 * ({@code cache.enabled}, {@code ttl}, {@code max_cost} entries) but never past the token's {@code exp}.
 */
@ApplicationScoped
public class IntrospectionAuthenticator implements Authenticator {

    @Inject
    LocalIntrospection introspection;
    @Inject
    TokenHasher hasher;
    @Inject
    RemoteCalls remote;
    @Inject
    Clock clock;
    @Inject
    ClientCredentialsExchange exchange;

    private final Map<Integer, BoundedCache<String, JsonObject>> caches = new ConcurrentHashMap<>();

    @Override
    public ConfigKeys configKeys() {
        return IntrospectionConfig.KEYS;
    }

    @Override
    public String name() {
        return "oauth2_introspection";
    }

    @Override
    public Bound bind(JsonObject config) {
        return bind(IntrospectionConfig.parse(config));
    }

    Bound bind(IntrospectionConfig config) {
        return (request, session) -> authenticate(request, config, session);
    }

    private boolean authenticate(GatewayRequest request, IntrospectionConfig config, AuthenticationSession session) {
        Optional<String> token = config.tokenFrom().read(request);
        if (token.isEmpty()) {
            return false;
        }
        JsonObject answer = cachedIntrospection(request, config, token.get());
        check(answer, config);
        session.subject(answer.getString("sub", ""));
        session.extra(extra(answer));
        return true;
    }

    /**
     * What Oathkeeper puts in {@code .Extra}: the token's {@code ext} (the claims a consent app set in
     * {@code session.access_token}) with {@code username}, {@code client_id}, {@code scope} and, when there is
     * one, {@code aud} added, so rules written for Oathkeeper read the same paths here.
     */
    static JsonObject extra(JsonObject answer) {
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        if (answer.get("ext") instanceof JsonObject ext) {
            ext.forEach(b::add);
        }
        b.add("username", answer.getString("username", ""));
        b.add("client_id", answer.getString("client_id", ""));
        b.add("scope", answer.getString("scope", ""));
        List<String> audience = audience(answer);
        if (!audience.isEmpty()) {
            b.add("aud", JsonP.createArrayBuilder(audience));
        }
        return b.build();
    }

    private JsonObject cachedIntrospection(GatewayRequest request, IntrospectionConfig config, String token) {
        if (!config.cache().enabled()) {
            return introspect(request, config, token);
        }
        BoundedCache<String, JsonObject> cache = caches.computeIfAbsent(config.cache().maxCost(), n -> new BoundedCache<>(n, clock));
        String key = request.tenant() + "|" + config.introspectionUrl().map(URI::toString).orElse("")
                + "|" + config.remotelyCheckedScopes() + "|" + hasher.hash(token);
        Optional<JsonObject> hit = cache.get(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        JsonObject answer = introspect(request, config, token);
        if (answer.getBoolean("active", false) && answer.get("exp") instanceof JsonNumber exp) {
            cache.put(key, answer, min(clock.instant().plus(config.cache().ttl()), Instant.ofEpochSecond(exp.longValue())));
        }
        return answer;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private JsonObject introspect(GatewayRequest request, IntrospectionConfig config, String token) {
        Optional<URI> url = config.introspectionUrl();
        if (url.isEmpty()) {
            return introspection.introspect(request.tenant(), token, request.issuer());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.putAll(config.requestHeaders());
        if (config.preserveHost()) {
            headers.put("X-Forwarded-Host", request.target().host());
        }
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        if (config.preAuthorization().isPresent()) {
            headers.put("Authorization", "Bearer " + exchange.accessToken(request, config.preAuthorization().get()));
        }
        StringBuilder form = new StringBuilder("token=").append(encode(token));
        String scopes = config.remotelyCheckedScopes();
        if (!scopes.isEmpty()) {
            form.append("&scope=").append(encode(scopes));
        }
        RemoteCalls.Reply reply = remote.call("POST", url.get(), headers, form.toString());
        if (reply.status() != 200) {
            throw GatewayException.internal("introspection endpoint answered " + reply.status());
        }
        if (!(JsonText.read(reply.body()) instanceof JsonObject answer)) {
            throw GatewayException.internal("introspection endpoint did not answer a JSON object");
        }
        return answer;
    }

    private void check(JsonObject answer, IntrospectionConfig config) {
        if (!answer.getBoolean("active", false)) {
            throw GatewayException.unauthorized("access token is not active");
        }
        if (answer.get("exp") instanceof JsonNumber exp && !clock.instant().isBefore(Instant.ofEpochSecond(exp.longValue()))) {
            throw GatewayException.unauthorized("access token has expired");
        }
        String tokenType = answer.getString("token_type", "");
        if (!tokenType.isEmpty() && !tokenType.equalsIgnoreCase("Bearer")
                && !tokenType.equals("access_token")) {
            throw GatewayException.unauthorized("introspected token is not an access token");
        }
        if (!answer.getString("token_use", "access_token").equals("access_token")) {
            throw GatewayException.unauthorized("introspected token is not an access token");
        }
        List<String> issuers = config.trustedIssuers();
        if (!issuers.isEmpty() && !issuers.contains(answer.getString("iss", ""))) {
            throw GatewayException.forbidden("token issuer is not trusted");
        }
        List<String> audience = config.targetAudience();
        if (!audience.isEmpty() && !audience(answer).containsAll(audience)) {
            throw GatewayException.forbidden("token audience does not hold the target audience");
        }
        List<String> required = config.requiredScope();
        ScopeStrategy strategy = config.scopeStrategy();
        // none without an introspection endpoint leaves no one to check (the config refuses it): fail closed
        if (strategy == ScopeStrategy.NONE && !required.isEmpty() && config.introspectionUrl().isEmpty()) {
            throw GatewayException.forbidden("token lacks a required scope");
        }
        if (strategy != ScopeStrategy.NONE
                && !strategy.grantsAll(List.of(answer.getString("scope", "").trim().split("\\s+")), required)) {
            throw GatewayException.forbidden("token lacks a required scope");
        }
    }

    private static List<String> audience(JsonObject answer) {
        JsonValue aud = answer.get("aud");
        List<String> out = new ArrayList<>();
        if (aud instanceof JsonString s) {
            out.add(s.getString());
        } else if (aud instanceof JsonArray a) {
            a.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).forEach(out::add);
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
