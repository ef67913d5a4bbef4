package dev.gatehouse.admin;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.token.TokenIntrospection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Admin API access by a JWT access token that Gatehouse itself issued (RFC 9068 shape): signed
 * by a key of the request tenant's {@code hydra.jwt.access-token} set, {@code iss} equal to that tenant's issuer,
 * not expired (nor before {@code nbf}), and a scope ({@code scope}, space-separated, or Hydra's {@code scp} array)
 * containing {@value #SCOPE}, or {@value AuditorReach#SCOPE} for a token that only reads the audit log
 * ({@link AuditorReach}). A tenant's token administers that tenant only: the cross-tenant
 * {@code /admin/tenants} API takes only tokens of the default tenant (or the admin API key), except for the
 * tenant's own settings ({@code /admin/tenants/{own id}/settings}).
 *
 * <p>Why not MicroProfile JWT ({@code mpJwt-2.1}): Liberty's mpJwt is configured in server.xml (or MP Config) with
 * one issuer and one JWKS location fixed at start-up, but every tenant here is its own issuer with its own keys,
 * and tenants are created at run time. Even narrowed to {@code /admin/*} with an authentication filter, mpJwt
 * takes over the {@code Authorization: Bearer} header there, so the admin API key (the break-glass credential,
 * not a JWT) would be refused before our filter runs; and its role checks ({@code @RolesAllowed}) bring Liberty's
 * application security into a server that otherwise has none. Verifying in process with
 * {@link JwtSigning#verify} checks the same things (signature by our key with {@code kid}, issuer, expiry, scope)
 * against the tenant's live key set, including keys rotated a second ago, and needs no HTTP call to our own
 * JWKS.
 */
@ApplicationScoped
public class AdminTokens {

    public static final String SCOPE = "gatehouse:admin";
    private static final String CROSS_TENANT_PATH = "/admin/tenants";

    private JwtSigning signing;
    private Issuer issuer;
    private CurrentTenant tenant;
    private Clock clock;
    private TokenIntrospection tokens;

    protected AdminTokens() {
    }

    @Inject
    public AdminTokens(JwtSigning signing, Issuer issuer, CurrentTenant tenant, Clock clock, TokenIntrospection tokens) {
        this.signing = signing;
        this.issuer = issuer;
        this.tenant = tenant;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** What became of a bearer credential presented as an admin token. */
    public sealed interface Decision permits Accepted, Rejected {
    }

    /** A valid admin token; {@code actor} names its client for security events. */
    public record Accepted(String actor) implements Decision {
    }

    /** Not a valid admin token; {@code insufficientScope} when it was valid but lacks the admin scope or reach. */
    public record Rejected(String reason, boolean insufficientScope) implements Decision {
    }

    public Decision check(HttpServletRequest request, String token) {
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            return new Rejected("not a JWT", false);
        }
        Optional<JWTClaimsSet> verified = signing.verify(KeySetName.ACCESS_TOKEN, token);
        if (verified.isEmpty()) {
            return new Rejected("signature not by a current access-token key of this tenant", false);
        }
        JWTClaimsSet claims = verified.get();
        Instant now = clock.instant();
        if (!issuer.of(request).equals(claims.getIssuer())) {
            return new Rejected("issuer is not this tenant's", false);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            return new Rejected("expired or without exp", false);
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
            return new Rejected("not valid yet", false);
        }
        List<String> scopes = scopes(claims);
        boolean admin = scopes.contains(SCOPE);
        if (!admin && !scopes.contains(AuditorReach.SCOPE)) {
            return new Rejected("scope lacks " + SCOPE, true);
        }
        if (tokens.isRevoked(tenant.id(), token)) {
            return new Rejected("revoked", false);
        }
        // The decoded path the request is routed by: the raw URI could spell /admin/tenants otherwise (%74, ;x=).
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.startsWith(CROSS_TENANT_PATH) && !TenantId.DEFAULT.equals(tenant.id()) && !ownSettings(path)) {
            return new Rejected("a tenant's token cannot manage tenants", true);
        }
        if (!admin && !AuditorReach.permits(request.getMethod(), path)) {
            return new Rejected("an auditor token only reads the audit log", true);
        }
        return new Accepted("client:" + Optional.ofNullable(stringClaim(claims, "client_id")).orElse(claims.getSubject()));
    }

    /** A tenant's own settings ({@code /admin/tenants/{own id}/settings...}): the one part of the tenants API it reaches. */
    private boolean ownSettings(String path) {
        String own = CROSS_TENANT_PATH + "/" + tenant.id().value() + "/settings";
        return path.equals(own) || path.equals(own + "/effective");
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        String scope = stringClaim(claims, "scope");
        if (scope != null) {
            return Arrays.asList(scope.split(" "));
        }
        try {
            List<String> scp = claims.getStringListClaim("scp");
            return scp == null ? List.of() : scp;
        } catch (ParseException e) {
            return List.of();
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
