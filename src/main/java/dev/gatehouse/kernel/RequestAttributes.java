package dev.gatehouse.kernel;

/** Names of the servlet request attributes the platform filters set for everything after them. */
public final class RequestAttributes {

    public static final String REQUEST_ID = "gatehouse.requestId";
    public static final String TENANT_ID = "gatehouse.tenantId";
    public static final String ORIGINAL_URI = "gatehouse.originalUri";
    /** "/t/{tenant}" when the tenant came from the path prefix, so links and form actions keep it. */
    public static final String TENANT_PREFIX = "gatehouse.tenantPrefix";
    /**
     * The public base URL this request is answered under ({@code https://login.example.com}), from configuration
     * or a registered tenant host, never from a Host header nobody configured; without the tenant prefix.
     */
    public static final String PUBLIC_BASE = "gatehouse.publicBase";

    private RequestAttributes() {
    }
}
