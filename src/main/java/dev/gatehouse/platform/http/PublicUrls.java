package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;

/**
 * Absolute URLs of this server as its users reach it: the request's public base URL (set by the platform's
 * filters from configuration, see {@link PublicOrigins}) plus the {@code /t/{tenant}} prefix the request came
 * through. Never built from the request's {@code Host} header.
 */
public final class PublicUrls {

    private PublicUrls() {
    }

    /** The base URL of the request's tenant, without a trailing slash, e.g. {@code https://login.example.com/t/acme}. */
    public static String base(HttpServletRequest request) {
        Object base = request.getAttribute(RequestAttributes.PUBLIC_BASE);
        if (base == null) {
            throw new IllegalStateException("no public base URL for this request");
        }
        Object prefix = request.getAttribute(RequestAttributes.TENANT_PREFIX);
        return prefix == null ? base.toString() : base + prefix.toString();
    }

    /** A path of this server made absolute, e.g. {@code /self-service/login?flow=...}. */
    public static String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }

    /** {@link #base} with a trailing slash, as JAX-RS' {@code UriInfo.getBaseUri()} has it. */
    public static URI baseUri(HttpServletRequest request) {
        return URI.create(base(request) + "/");
    }

    /** The request's own URL (path and query) under its public base, e.g. for pagination links. */
    public static UriBuilder requestUriBuilder(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return UriBuilder.fromUri(base(request) + path + (query == null ? "" : "?" + query));
    }

    /** Whether the public URL is https: cookies are then {@code Secure}, whatever the hop to this server was. */
    public static boolean secure(HttpServletRequest request) {
        return base(request).startsWith("https:");
    }
}
