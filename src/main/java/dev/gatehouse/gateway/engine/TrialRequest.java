package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RejectedRequestException;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request written out by hand to try against the rules: a method, an absolute URL and headers, one
 * {@code Name: value} a line. Parsed into the same {@link GatewayRequest} an enforcement point builds, with the same
 * refusals for a target that cannot be judged safely; what is wrong is an {@link ApiException} naming the field
 * ({@code method}, {@code url} or {@code headers}).
 */
public final class TrialRequest {

    static final int MAX_HEADER_LINES = 100;

    private TrialRequest() {
    }

    /**
     * @param issuer our token server's issuer for the tenant, as the enforcement points pass it
     * @param clientIp the address the request is taken to come from
     */
    public static GatewayRequest parse(TenantId tenant, String method, String url, String headerLines, String clientIp,
                                       String issuer) {
        URI uri = uri(url);
        RequestTarget target;
        try {
            target = RequestTarget.of(method == null ? "" : method.trim(), uri.getScheme(), uri.getRawAuthority(), uri.getRawPath());
        } catch (RejectedRequestException e) {
            String field = e.reason() == RejectedRequestException.Reason.INVALID_METHOD ? "method" : "url";
            throw ApiException.invalid(field, e.reason().text());
        }
        Map<String, List<String>> headers = headers(headerLines);
        return new GatewayRequest(tenant, target, uri.getRawQuery(), headers, cookies(headers), clientIp, issuer);
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
                throw ApiException.invalid("url", "must be an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "is not a URL");
        }
    }

    private static Map<String, List<String>> headers(String lines) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> all = lines == null ? List.of() : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (all.size() > MAX_HEADER_LINES) {
            throw ApiException.invalid("headers", "at most " + MAX_HEADER_LINES + " lines");
        }
        for (String line : all) {
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : line.substring(0, colon).strip();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw ApiException.invalid("headers", "each line must be Name: value");
            }
            String value = line.substring(colon + 1).strip();
            if (value.length() > GatewayRequest.MAX_HEADER_CHARS) {
                throw ApiException.invalid("headers", "header " + name + " is too long");
            }
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    private static Map<String, String> cookies(Map<String, List<String>> headers) {
        Map<String, String> cookies = new TreeMap<>();
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        }
        return cookies;
    }
}
