package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Starts and finds the token server's login sessions; the cookie carries a random token, only its HMAC is stored. */
@ApplicationScoped
public class LoginSessions {

    @Inject
    LoginSessionRepository repository;
    @Inject
    OAuth2Cookies cookies;
    @Inject
    AuthorizeConfig config;
    @Inject
    Clock clock;

    /** A new login session and the cookie to set (a cookie that clears a remembered one when not remembered). */
    public record Started(LoginSession session, NewCookie cookie) {
    }

    /** The browser's remembered login session, if it has one that is still good. */
    public Optional<LoginSession> remembered(TenantId tenant, Browser browser) {
        Instant now = clock.instant();
        return browser.loginSessionCookie()
                .flatMap(token -> repository.findByCookieHash(tenant, cookies.loginSessionHash(token)))
                .filter(s -> s.isRememberedAt(now));
    }

    public Started start(TenantId tenant, LoginDecision login, Browser browser) {
        String token = Ids.token();
        Duration lifespan = login.rememberFor().isZero() ? config.loginSessionLifespan() : login.rememberFor();
        LoginSession session = new LoginSession(Ids.uuid(), tenant, login.subject(), login.remember(),
                login.identitySessionId(), true, login.authTime(),
                login.remember() ? Optional.of(clock.instant().plus(lifespan)) : Optional.empty());
        repository.insert(session, cookies.loginSessionHash(token));
        NewCookie cookie = login.remember() ? cookies.loginSession(token, lifespan, browser) : cookies.clearLoginSession(browser);
        return new Started(session, cookie);
    }
}
