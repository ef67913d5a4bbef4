package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import dev.gatehouse.platform.trace.Tracing;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the live token behind a presented value, and describes it as RFC 7662 §2.2 does (with Hydra's
 * {@code token_use} and {@code ext}). Anything unknown, expired or revoked is just {@code {"active":false}}.
 */
@ApplicationScoped
public class TokenIntrospection {

    /** A live token and the grant it belongs to. */
    public record Live(StoredToken token, StoredGrant grant) {
    }

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    Clock clock;
    @Inject
    Tracing tracing = Tracing.none();

    /** The token behind {@code value} if it is neither expired nor revoked, nor is its grant. */
    @Transactional
    public Optional<Live> live(TenantId tenant, String value) {
        if (value == null || value.isEmpty() || value.length() > FormParameters.MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.findToken(tenant, hasher.hash(value)).filter(t -> t.isActiveAt(now))
                .flatMap(t -> store.findGrant(tenant, t.grantId()).filter(g -> !g.isRevoked()).map(g -> new Live(t, g)));
    }

    /**
     * Whether {@code value} is one of our stored tokens that was revoked (itself or its grant). A token we never
     * stored is not "revoked": a self-contained JWT is judged by its signature and claims alone.
     */
    @Transactional
    public boolean isRevoked(TenantId tenant, String value) {
        if (value == null || value.isEmpty() || value.length() > FormParameters.MAX_VALUE_LENGTH) {
            return false;
        }
        Instant now = clock.instant();
        return store.findToken(tenant, hasher.hash(value))
                .map(t -> !t.isActiveAt(now) || store.findGrant(tenant, t.grantId()).map(StoredGrant::isRevoked).orElse(true))
                .orElse(false);
    }

    /** The description, in a span {@code oauth2 introspection} whose outcome is {@code active} or {@code inactive}. */
    @Transactional
    public JsonObject introspect(TenantId tenant, String value, String issuer) {
        return tracing.span("oauth2 introspection", () -> live(tenant, value).map(l -> describe(l, issuer)).orElse(inactive()),
                answer -> answer.getBoolean("active") ? "active" : "inactive", failure -> Tracing.FAILED);
    }

    public static JsonObject inactive() {
        return JsonP.createObjectBuilder().add("active", false).build();
    }

    private static JsonObject describe(Live live, String issuer) {
        StoredToken t = live.token();
        JsonArrayBuilder aud = JsonP.createArrayBuilder();
        t.audience().forEach(aud::add);
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("active", true)
                .add("scope", Scopes.join(t.scopes()))
                .add("client_id", t.clientId())
                .add("sub", t.subject())
                .add("exp", t.expiresAt().getEpochSecond())
                .add("iat", t.issuedAt().getEpochSecond())
                .add("nbf", t.issuedAt().getEpochSecond())
                .add("aud", aud)
                .add("iss", issuer)
                .add("token_use", t.kind().tokenUse());
        if (t.kind() == TokenKind.ACCESS) {
            b.add("token_type", "Bearer");
        }
        b.add("ext", JsonP.createObjectBuilder(TokenMinter.json(live.grant().accessTokenClaims())));
        return b.build();
    }
}
