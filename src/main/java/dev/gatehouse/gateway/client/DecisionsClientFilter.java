package dev.gatehouse.gateway.client;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gatehouse's access rules in front of another web application, on the same Liberty or anywhere: each request
 * is described to the decisions API ({@code X-Forwarded-Method/-Proto/-Host/-Uri}, the request URI with the
 * application's context path, and the caller's headers, as
 * nginx {@code auth_request} does) and goes on only if the answer is 200, carrying the headers the rule's
 * mutators set in place of the caller's own of the same names. Any other answer (401, 403, a login redirect)
 * goes back to the caller as Gatehouse wrote it; if Gatehouse cannot be asked, the request is refused with 503.
 * The caller's body is not sent, so rules with the {@code remote} authorizer need the reverse proxy instead.
 *
 * <p>Self-contained (Servlet API and the JDK only), so an application copies this one class or the
 * {@code decisions-filter} jar and maps it in its {@code web.xml}. Init parameters: {@code decisions-url}
 * (required, e.g. {@code http://localhost:9080/decisions} or {@code .../t/acme/decisions} for a tenant) and
 * {@code timeout} (milliseconds, default 2000).
 */
public class DecisionsClientFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DecisionsClientFilter.class.getName());

    /** Not forwarded to the decisions API: hop-by-hop and framing, and what the filter sets itself. */
    private static final Set<String> NOT_FORWARDED = names("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "x-forwarded-method",
            "x-forwarded-proto", "x-forwarded-host", "x-forwarded-uri", "x-forwarded-for");
    /** Headers of the decision's own answer, never taken as mutations for the application. */
    private static final Set<String> ANSWER_ONLY = names("cache-control", "connection", "content-language",
            "content-length", "content-security-policy", "content-type", "date", "expires", "keep-alive", "pragma",
            "referrer-policy", "permissions-policy", "server", "set-cookie", "strict-transport-security",
            "transfer-encoding", "vary", "x-content-type-options", "x-frame-options", "x-powered-by");
    /** Copied from a denial to the caller besides its status and body. */
    private static final List<String> DENIAL_HEADERS = List.of("Content-Type", "Location", "WWW-Authenticate", "Cache-Control");

    private URI decisions;
    private Duration timeout;
    private transient HttpClient client;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        String url = config.getInitParameter("decisions-url");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new ServletException("decisions-url must be the http(s) URL of Gatehouse's decisions API");
        }
        decisions = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        String ms = config.getInitParameter("timeout");
        try {
            timeout = Duration.ofMillis(ms == null ? 2000 : Long.parseLong(ms.trim()));
        } catch (NumberFormatException e) {
            throw new ServletException("timeout must be a number of milliseconds");
        }
        client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(describe(request), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Gatehouse decisions API not reachable at {0}: {1}", new Object[]{decisions, e.getClass().getSimpleName()});
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() == 200) {
                body.transferTo(OutputStream.nullOutputStream());
                chain.doFilter(new Mutated(request, mutations(answer)), response);
                return;
            }
            response.setStatus(answer.statusCode());
            for (String name : DENIAL_HEADERS) {
                answer.headers().firstValue(name).ifPresent(v -> response.setHeader(name, v));
            }
            body.transferTo(response.getOutputStream());
        }
    }

    private HttpRequest describe(HttpServletRequest request) {
        String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(decisions + "/")).timeout(timeout).GET();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    b.header(name, value);
                }
            }
        }
        String host = request.getHeader("Host");
        return b.header("X-Forwarded-Method", request.getMethod())
                .header("X-Forwarded-Proto", request.getScheme())
                .header("X-Forwarded-Host", host == null ? request.getServerName() : host)
                .header("X-Forwarded-Uri", uri)
                .header("X-Forwarded-For", request.getRemoteAddr())
                .build();
    }

    private static Map<String, String> mutations(HttpResponse<?> answer) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !ANSWER_ONLY.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                out.put(name, values.get(0));
            }
        });
        return out;
    }

    private static Set<String> names(String... names) {
        return Set.of(names);
    }

    /** The request with the rule's headers in place of the caller's headers of the same names. */
    private static final class Mutated extends HttpServletRequestWrapper {

        private final Map<String, String> headers;

        Mutated(HttpServletRequest request, Map<String, String> headers) {
            super(request);
            this.headers = headers;
        }

        @Override
        public String getHeader(String name) {
            return headers.containsKey(name) ? headers.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return headers.containsKey(name) ? Collections.enumeration(List.of(headers.get(name))) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            all.addAll(Collections.list(super.getHeaderNames()));
            all.addAll(headers.keySet());
            return Collections.enumeration(all);
        }
    }
}
