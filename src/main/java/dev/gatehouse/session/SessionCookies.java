package dev.gatehouse.session;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.util.Optional;

/**
 * The browser session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, name and
 * domain from configuration. Also reads the token a request presents: the cookie, {@code X-Session-Token},
 * or {@code Authorization: Bearer}.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String TOKEN_HEADER = "X-Session-Token";

    @Inject
    SessionConfig config;

    public NewCookie issue(String token, HttpServletRequest request) {
        return cookie(token, (int) Duration.ofSeconds(config.lifespan().toSeconds()).toSeconds(), request);
    }

    public NewCookie clear(HttpServletRequest request) {
        return cookie("", 0, request);
    }

    private NewCookie cookie(String value, int maxAge, HttpServletRequest request) {
        NewCookie.Builder b = new NewCookie.Builder(config.cookieName()).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure(isHttps(request)).sameSite(NewCookie.SameSite.LAX);
        config.cookieDomain().ifPresent(b::domain);
        return b.build();
    }

    /** The session token this request presents, if any: header first (API clients), then the cookie. */
    public Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return cookie(request);
    }

    public Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(config.cookieName()) && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    static boolean isHttps(HttpServletRequest request) {
        return PublicUrls.secure(request);
    }
}
