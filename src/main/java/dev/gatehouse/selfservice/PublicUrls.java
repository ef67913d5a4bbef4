package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;

/** Absolute URLs as the client sees this server, keeping a {@code /t/{tenant}} prefix it came through. */
public final class PublicUrls {

    private PublicUrls() {
    }

    public static String base(HttpServletRequest request) {
        StringBuilder b = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        if (!defaultPort) {
            b.append(':').append(port);
        }
        b.append(request.getContextPath());
        Object prefix = request.getAttribute(RequestAttributes.TENANT_PREFIX);
        if (prefix != null) {
            b.append(prefix);
        }
        return b.toString();
    }

    /** A path of this server made absolute, e.g. {@code /self-service/login?flow=...}. */
    public static String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }
}
