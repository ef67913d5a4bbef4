package dev.gatehouse.gateway;

import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request a decision is about, independent of how it reached the gateway (decisions API, filter,
 * proxy): the tenant whose sessions and rules apply, its normalised target, its query, headers
 * (case-insensitive names), cookies, client address, {@code issuer}: our token server's issuer for that tenant
 * as the request reached Gatehouse ({@link dev.gatehouse.gateway.port.LocalIntrospection#issuer},
 * {@code /t/{tenant}} prefix included), which is not the target's host for the decisions API, and its body, read only if a handler asks for it.
 */
public record GatewayRequest(TenantId tenant, RequestTarget target, String rawQuery, Map<String, List<String>> headers,
                             Map<String, String> cookies, String clientIp, String issuer, RequestBody body) {

    public static final int MAX_HEADER_CHARS = 16384;

    public GatewayRequest {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(h);
        cookies = Map.copyOf(cookies);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** A request without a body. */
    public GatewayRequest(TenantId tenant, RequestTarget target, String rawQuery, Map<String, List<String>> headers,
                          Map<String, String> cookies, String clientIp, String issuer) {
        this(tenant, target, rawQuery, headers, cookies, clientIp, issuer, RequestBody.none());
    }

    /**
     * The request as the servlet container received it, with {@code target} taken from wherever the
     * enforcement point reads it (the request line, or {@code X-Forwarded-*} for the decisions API), and
     * {@code issuer} derived from {@code request} itself, and its body left unread.
     */
    public static GatewayRequest from(TenantId tenant, HttpServletRequest request, RequestTarget target, String rawQuery,
                                      String clientIp, List<String> skipHeaders, String issuer, RequestBody body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (skipHeaders.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String v : Collections.list(request.getHeaders(name))) {
                if (v.length() > MAX_HEADER_CHARS) {
                    throw new GatewayException(ErrorKind.BAD_REQUEST, "header " + name + " is too long");
                }
                values.add(v);
            }
            headers.put(name, values);
        }
        Map<String, String> cookies = new TreeMap<>();
        Cookie[] cs = request.getCookies();
        if (cs != null) {
            for (Cookie c : cs) {
                cookies.putIfAbsent(c.getName(), c.getValue());
            }
        }
        return new GatewayRequest(tenant, target, rawQuery, headers, cookies, clientIp, issuer, body);
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The token of {@code Authorization: Bearer <token>}, if present. */
    public Optional<String> bearerToken() {
        return header("Authorization")
                .filter(a -> a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    /** {@code true} when a browser most likely sent it (accepts HTML). */
    public boolean acceptsHtml() {
        return header("Accept").map(a -> a.contains("text/html")).orElse(false);
    }
}
