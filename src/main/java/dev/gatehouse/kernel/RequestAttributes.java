package dev.gatehouse.kernel;

/** Names of the servlet request attributes the platform filters set for everything after them. */
public final class RequestAttributes {

    public static final String REQUEST_ID = "gatehouse.requestId";
    public static final String TENANT_ID = "gatehouse.tenantId";
    public static final String ORIGINAL_URI = "gatehouse.originalUri";
    /** "/t/{tenant}" when the tenant came from the path prefix, so links and form actions keep it. */
    public static final String TENANT_PREFIX = "gatehouse.tenantPrefix";

    private RequestAttributes() {
    }
}
