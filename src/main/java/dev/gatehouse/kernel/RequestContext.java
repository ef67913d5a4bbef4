package dev.gatehouse.kernel;

import jakarta.enterprise.context.RequestScoped;

/**
 * Facts about the current HTTP request that every capability needs: its id, the tenant it was resolved
 * to, and the client's address and user agent. Filled in by the platform's servlet filters before any
 * resource runs.
 */
@RequestScoped
public class RequestContext {

    private String requestId;
    private String tenantId;
    private String clientIp;
    private String userAgent;

    public String requestId() {
        return requestId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public void begin(String requestId, String clientIp, String userAgent) {
        this.requestId = requestId;
        this.clientIp = clientIp;
        this.userAgent = userAgent;
    }

    public void tenant(String tenantId) {
        this.tenantId = tenantId;
    }
}
