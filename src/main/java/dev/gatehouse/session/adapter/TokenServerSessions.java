package dev.gatehouse.session.adapter;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.port.IdentitySessions;
import dev.gatehouse.session.AuthenticationMethodReferences;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

import java.util.Optional;
import java.util.UUID;

/**
 * The token server's {@link IdentitySessions}: the session cookie and the session service, with whoami's required
 * assurance level, so an OAuth2 login cannot skip a second factor that whoami would demand.
 */
@ApplicationScoped
public class TokenServerSessions implements IdentitySessions {

    private SessionCookies cookies;
    private SessionService sessions;
    private SessionConfig config;
    private SessionAssurance assurance;

    protected TokenServerSessions() {
    }

    @Inject
    public TokenServerSessions(SessionCookies cookies, SessionService sessions, SessionConfig config, SessionAssurance assurance) {
        this.cookies = cookies;
        this.sessions = sessions;
        this.config = config;
        this.assurance = assurance;
    }

    @Override
    public Optional<SignedIn> fromCookie(TenantId tenant, HttpServletRequest request) {
        return cookies.cookie(request).flatMap(t -> sessions.authenticate(tenant, t))
                .map(a -> signedIn(a.session(), assurance.satisfies(a, config.whoamiRequiredAal()), assurance.canRaise(a)));
    }

    @Override
    public boolean revoke(TenantId tenant, UUID id, String actor, String reason) {
        return sessions.revoke(tenant, id, actor, reason);
    }

    @Override
    public NewCookie clearCookie(HttpServletRequest request) {
        return cookies.clear(request);
    }

    private static SignedIn signedIn(Session s, boolean assured, boolean canRaise) {
        return new SignedIn(s.id(), s.identity().toString(), s.authenticatedAt(), s.expiresAt(), s.aal(),
                AuthenticationMethodReferences.of(s.methods()), assured, canRaise);
    }
}
