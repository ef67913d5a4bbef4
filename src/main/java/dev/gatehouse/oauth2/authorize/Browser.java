package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * What the token server knows of the browser behind a request: its CSRF cookie, its login session cookie,
 * whether its public URL is HTTPS, and the issuer (tenant-aware base URL) it reached us under.
 */
public record Browser(Optional<String> csrfCookie, Optional<String> loginSessionCookie, boolean secure, String issuer) {

    private static final int MAX_COOKIE = 100;

    public static Browser of(HttpServletRequest request, AuthorizeConfig config, String issuer) {
        return new Browser(cookie(request, config.csrfCookie()), cookie(request, config.loginSessionCookie()),
                PublicUrls.secure(request), issuer);
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && !c.getValue().isEmpty() && c.getValue().length() <= MAX_COOKIE) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }
}
