package dev.gatehouse.platform.metrics;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Times every request Gatehouse answers (not the gateway's reverse proxy, whose answers are the upstreams'):
 * {@value MetricNames#HTTP_REQUESTS} by route template, method, status class and tenant. The route is the
 * JAX-RS template ({@link RouteTemplates}), a Faces page's path, or the servlet mapping; a path nothing matched
 * is {@code unmatched}, so no series is made per path a client invents.
 */
public class HttpMetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Inject
    transient MetricRegistry registry;
    @Inject
    transient Tenants tenants;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override public void onComplete(AsyncEvent event) { record(request, response, start); }
                    @Override public void onTimeout(AsyncEvent event) { }
                    @Override public void onError(AsyncEvent event) { }
                    @Override public void onStartAsync(AsyncEvent event) { }
                });
            } else {
                record(request, response, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        int status = response.getStatus();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        registry.timer(MetricNames.HTTP_REQUESTS,
                new Tag("route", route(request, status)),
                new Tag("method", METHODS.contains(method) ? method : "other"),
                new Tag("status", status / 100 + "xx"),
                new Tag("tenant", tenants.label((String) request.getAttribute(RequestAttributes.TENANT_ID))))
                .update(Duration.ofNanos(System.nanoTime() - start));
    }

    static String route(HttpServletRequest request, int status) {
        Object template = request.getAttribute(RouteTemplates.ATTRIBUTE);
        if (template != null) {
            return template.toString();
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || status == 404) {
            return "unmatched";
        }
        return switch (mapping.getMappingMatch() == null ? MappingMatch.DEFAULT : mapping.getMappingMatch()) {
            // Faces pages: a fixed set of files in the application; an unknown page answered 404 above
            case EXTENSION, EXACT -> request.getServletPath();
            case PATH -> mapping.getPattern();
            default -> "unmatched";
        };
    }
}
