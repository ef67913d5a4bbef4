package dev.gatehouse.gateway.mutate;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.cache.BoundedCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code id_token}, as Oathkeeper's: gives the upstream {@code Authorization: Bearer <jwt>} signed with the
 * tenant's {@link KeySetName#ID_TOKEN} keys (so it verifies against {@code /.well-known/jwks.json};
 * {@code jwks_url} is ignored). Claims: {@code sub} (the subject), {@code iss} ({@code issuer_url}),
 * {@code iat}, {@code exp} ({@code ttl}, default 15m), {@code jti}, plus whatever the {@code claims} template
 * renders to (a JSON object, e.g. {@code {"aud":["api"]}}; it cannot override the registered claims above).
 * The same subject and rendered claims reuse their token until shortly before it expires.
 */
@ApplicationScoped
public class IdTokenMutator implements Mutator {

    /** A cached token is handed out only while it has at least this long (or a fifth of its TTL) to live. */
    static final Duration MIN_REMAINING = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;
    private static final Set<String> REGISTERED = Set.of("sub", "iss", "iat", "exp", "jti", "nbf");

    @Inject
    JwtSigning signing;
    @Inject
    Clock clock;

    private BoundedCache<String, String> cache;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("claims", "issuer_url", "jwks_url", "ttl");
    }

    @Override
    public String name() {
        return "id_token";
    }

    @Override
    public Bound bind(JsonObject config) {
        IdTokenConfig c = IdTokenConfig.parse(config);
        return (request, session) -> mutate(request, c, session);
    }

    private void mutate(GatewayRequest request, IdTokenConfig config, AuthenticationSession session) {
        String rendered = config.claims().render(session, Template::escapeJson);
        Duration ttl = config.ttl();
        String issuer = config.issuer();
        String key = request.tenant() + "\n" + issuer + "\n" + ttl + "\n" + session.subject() + "\n" + rendered;
        String jwt = cache.get(key).orElseGet(() -> {
            Instant now = clock.instant();
            Instant exp = now.plus(ttl);
            String signed = sign(claims(rendered), session.subject(), issuer, now, exp);
            Duration margin = ttl.dividedBy(5).compareTo(MIN_REMAINING) > 0 ? MIN_REMAINING : ttl.dividedBy(5);
            cache.put(key, signed, exp.minus(margin));
            return signed;
        });
        session.headers().put("Authorization", "Bearer " + jwt);
    }

    private String sign(Map<String, Object> claims, String subject, String issuer, Instant now, Instant exp) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        claims.forEach((k, v) -> {
            if (!REGISTERED.contains(k)) {
                b.claim(k, v);
            }
        });
        b.subject(subject).issueTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(UUID.randomUUID().toString());
        if (!issuer.isEmpty()) {
            b.issuer(issuer);
        }
        return signing.sign(KeySetName.ID_TOKEN, b.build(), JOSEObjectType.JWT);
    }

    private static Map<String, Object> claims(String rendered) {
        try {
            return JSONObjectUtils.parse(rendered);
        } catch (java.text.ParseException e) {
            // the rendered text may hold claims: not in the reason
            throw GatewayException.internal("id_token claims template did not render to a JSON object");
        }
    }

    @PostConstruct
    void createCache() {
        cache = new BoundedCache<>(MAX_ENTRIES, clock);
    }
}
