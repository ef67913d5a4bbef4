package dev.gatehouse.kernel;

/** Names of the servlet request attributes the platform filters set for everything after them. */
public final class RequestAttributes {

    public static final String REQUEST_ID = "gatehouse.requestId";
    public static final String TENANT_ID = "gatehouse.tenantId";
    public static final String ORIGINAL_URI = "gatehouse.originalUri";

    private RequestAttributes() {
    }
}
