package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * The token server's browser cookies: the CSRF cookie that binds challenges to the browser that started them,
 * and the login session cookie of a remembered login. Both HttpOnly and SameSite=Lax (the verifiers come back by
 * top-level GET redirects, which carry Lax cookies); only HMACs of their values are stored.
 */
@ApplicationScoped
public class OAuth2Cookies {

    @Inject
    AuthorizeConfig config;
    @Inject
    TokenHasher hasher;

    /** The browser's CSRF secret and, if it had none, the cookie that sets a new one. */
    public record Csrf(String secret, Optional<NewCookie> cookie) {
    }

    public Csrf csrf(Browser browser) {
        if (browser.csrfCookie().filter(v -> v.length() >= 40).isPresent()) {
            return new Csrf(browser.csrfCookie().get(), Optional.empty());
        }
        String secret = Ids.token();
        return new Csrf(secret, Optional.of(cookie(config.csrfCookie(), secret, -1, browser)));
    }

    public String csrfHash(String secret) {
        return hasher.hash("oauth2-csrf:" + secret);
    }

    /** Whether the browser presents the CSRF cookie a challenge was bound to. */
    public boolean csrfMatches(Browser browser, String storedHash) {
        return browser.csrfCookie().map(c -> hasher.matches("oauth2-csrf:" + c, storedHash)).orElse(false);
    }

    /**
     * Whether a form posted by a built-in page carries the browser's CSRF secret and that secret is the one the
     * challenge was bound to (synchronizer token: another site can neither read nor forge it).
     */
    public boolean formMatches(Browser browser, String formToken, String storedHash) {
        boolean same = formToken != null && browser.csrfCookie()
                .map(c -> MessageDigest.isEqual(c.getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
        return same & csrfMatches(browser, storedHash);
    }

    public String loginSessionHash(String token) {
        return hasher.hash("oauth2-login-session:" + token);
    }

    public NewCookie loginSession(String token, Duration maxAge, Browser browser) {
        return cookie(config.loginSessionCookie(), token, (int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()), browser);
    }

    public NewCookie clearLoginSession(Browser browser) {
        return cookie(config.loginSessionCookie(), "", 0, browser);
    }

    private static NewCookie cookie(String name, String value, int maxAge, Browser browser) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(browser.secure()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
