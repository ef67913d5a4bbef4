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
    private String host;
    private String scheme;

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

    /** The host the client asked for (its {@code Host} header, or a trusted proxy's {@code X-Forwarded-Host}); unchecked. */
    public String host() {
        return host;
    }

    /** The scheme the client used, as seen directly or told by a trusted proxy. */
    public String scheme() {
        return scheme;
    }

    public void asked(String host, String scheme) {
        this.host = host;
        this.scheme = scheme;
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
