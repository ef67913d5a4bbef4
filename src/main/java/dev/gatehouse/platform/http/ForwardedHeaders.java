package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.net.IpRange;
import jakarta.servlet.http.HttpServletRequest;

import java.util.function.Predicate;

/**
 * What a request says about its client, host and scheme, believing {@code X-Forwarded-For}, {@code -Host} and
 * {@code -Proto} only when the connection comes from a trusted proxy. The client is the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy (the left part is whatever the client wrote);
 * host and scheme are the last value, the one the nearest proxy set. A hop that is not an IP literal ends the
 * walk, so the client address is always one.
 *
 * @param clientIp the client's address
 * @param host     the host the client asked for ({@code Host} or a trusted {@code X-Forwarded-Host}); may be null
 * @param scheme   {@code http} or {@code https}
 */
public record ForwardedHeaders(String clientIp, String host, String scheme) {

    private static final int MAX_HOPS = 20;

    public static ForwardedHeaders of(HttpServletRequest request, Predicate<String> trustedProxy) {
        return of(request.getRemoteAddr(), request.getHeader("Host"), request.isSecure(), request.getHeader("X-Forwarded-For"),
                request.getHeader("X-Forwarded-Host"), request.getHeader("X-Forwarded-Proto"), trustedProxy);
    }

    static ForwardedHeaders of(String remote, String host, boolean secure, String forwardedFor, String forwardedHost,
                               String forwardedProto, Predicate<String> trustedProxy) {
        String scheme = secure ? "https" : "http";
        if (!trustedProxy.test(remote)) {
            return new ForwardedHeaders(remote, host, scheme);
        }
        String client = remote;
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
                String hop = hops[i].trim();
                if (IpRange.literal(hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop).isEmpty()) {
                    break;
                }
                client = hop;
                if (!trustedProxy.test(hop)) {
                    break;
                }
            }
        }
        String lastHost = last(forwardedHost);
        String lastProto = last(forwardedProto);
        return new ForwardedHeaders(client, lastHost != null ? lastHost : host,
                "https".equalsIgnoreCase(lastProto) ? "https" : "http".equalsIgnoreCase(lastProto) ? "http" : scheme);
    }

    private static String last(String header) {
        if (header == null) {
            return null;
        }
        String v = header.substring(header.lastIndexOf(',') + 1).trim();
        return v.isEmpty() ? null : v;
    }
}
