package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * CSRF protection of browser flows, a synchronizer token bound to a cookie: the browser holds a random
 * secret in an HttpOnly, SameSite=Lax cookie; the flow stores only its HMAC; the form carries the secret
 * as {@code csrf_token}. A submission must present the cookie, a form token equal to it, and a cookie
 * whose HMAC is the flow's — so another site cannot submit, and a flow cannot move to another browser.
 */
@ApplicationScoped
public class CsrfCookies {

    private SelfServiceConfig config;
    private TokenHasher hasher;

    protected CsrfCookies() {
        // for the container's proxy
    }

    @Inject
    public CsrfCookies(SelfServiceConfig config, TokenHasher hasher) {
        this.config = config;
        this.hasher = hasher;
    }

    /** The browser's CSRF secret, and whether it is new (and so must be set as a cookie). */
    public record Secret(String value, boolean isNew) {
    }

    public Secret secret(HttpServletRequest request) {
        return current(request).map(v -> new Secret(v, false)).orElseGet(() -> new Secret(Ids.token(), true));
    }

    public Optional<String> current(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(config.csrfCookieName()) && c.getValue().length() >= 40 && c.getValue().length() <= 64) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    public String hash(String secret) {
        return hasher.hash("csrf:" + secret);
    }

    public NewCookie cookie(String secret, HttpServletRequest request) {
        return new NewCookie.Builder(config.csrfCookieName()).value(secret).path("/").httpOnly(true)
                .secure(PublicUrls.secure(request)).sameSite(NewCookie.SameSite.LAX).maxAge(-1).build();
    }

    /** The flow bound to the browser whose CSRF secret is {@code secret}: its HMAC, and the secret as the form's token. */
    public Flow bind(Flow flow, String secret) {
        return flow.boundTo(hash(secret), flow.ui().withCsrfToken(secret));
    }

    /** Whether this request's cookie belongs to the flow (used to show a browser flow's JSON). */
    public boolean cookieMatches(HttpServletRequest request, Flow flow) {
        return current(request).map(c -> secretMatches(c, flow)).orElse(false);
    }

    /** Whether this CSRF secret (a cookie's, or one about to be set) is the one the flow is bound to. */
    public boolean secretMatches(String secret, Flow flow) {
        return flow.csrfHash() != null && hasher.matches("csrf:" + secret, flow.csrfHash());
    }

    /** Whether a submission carries a valid token for the flow: form token = cookie, cookie bound to flow. */
    public boolean verify(HttpServletRequest request, Flow flow, String formToken) {
        Optional<String> cookie = current(request);
        if (formToken == null || cookie.isEmpty() || flow.csrfHash() == null) {
            return false;
        }
        boolean same = MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8));
        return same & hasher.matches("csrf:" + cookie.get(), flow.csrfHash());
    }
}
