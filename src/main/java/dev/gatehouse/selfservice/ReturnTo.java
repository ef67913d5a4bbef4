package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.problem.ApiException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code return_to} checking, against open redirects: a path on this server ({@code /...}, never
 * {@code //host}), or an absolute http(s) URL under this server's public base URL or one of the allowed URLs
 * (same scheme, host and port, and path prefix), as Kratos' allow-list works.
 */
public final class ReturnTo {

    private ReturnTo() {
    }

    /** Checks against the allow-list and {@code ownBase}, the request's public base URL. */
    public static String check(String returnTo, List<URI> allowed, String ownBase) {
        List<URI> all = new ArrayList<>(allowed);
        all.add(URI.create(ownBase + "/"));
        return check(returnTo, all);
    }

    public static String check(String returnTo, List<URI> allowed) {
        if (returnTo == null || returnTo.isBlank()) {
            return null;
        }
        if (returnTo.length() > 2048 || returnTo.chars().anyMatch(c -> c < 0x21 || c == '\\')) {
            throw refused();
        }
        URI uri;
        try {
            uri = URI.create(returnTo);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        if (!uri.isAbsolute()) {
            if (returnTo.startsWith("/") && !returnTo.startsWith("//") && uri.getAuthority() == null) {
                return returnTo;
            }
            throw refused();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw refused();
        }
        for (URI a : allowed) {
            if (a.getScheme().equalsIgnoreCase(scheme) && a.getHost().equalsIgnoreCase(uri.getHost())
                    && port(a) == port(uri) && pathOf(uri).startsWith(pathOf(a))) {
                return returnTo;
            }
        }
        throw refused();
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String pathOf(URI u) {
        return u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
    }

    private static ApiException refused() {
        return ApiException.invalid("return_to", "Requested return_to URL is not allowed.");
    }
}
