package dev.gatehouse.oauth2.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * Redirect URI matching: exact string comparison (OpenID Connect Core §3.1.2.1), with RFC 8252 §7.3's
 * exception that a registered {@code http} loopback IP literal matches on any port. {@code localhost} gets
 * no exception (RFC 8252 §8.3 recommends against it).
 */
public final class RedirectUris {

    private RedirectUris() {
    }

    public static boolean matchesAny(List<String> registered, String candidate) {
        if (candidate == null) {
            return false;
        }
        for (String r : registered) {
            if (r.equals(candidate) || loopbackMatch(r, candidate)) {
                return true;
            }
        }
        return false;
    }

    static boolean loopbackMatch(String registered, String candidate) {
        URI r = parse(registered);
        URI c = parse(candidate);
        if (r == null || c == null || !"http".equals(r.getScheme()) || !"http".equals(c.getScheme())) {
            return false;
        }
        if (!isLoopbackLiteral(r.getHost()) || !Objects.equals(r.getHost(), c.getHost())) {
            return false;
        }
        return Objects.equals(r.getRawPath(), c.getRawPath())
                && Objects.equals(r.getRawQuery(), c.getRawQuery())
                && r.getRawUserInfo() == null && c.getRawUserInfo() == null
                && r.getRawFragment() == null && c.getRawFragment() == null;
    }

    private static boolean isLoopbackLiteral(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
