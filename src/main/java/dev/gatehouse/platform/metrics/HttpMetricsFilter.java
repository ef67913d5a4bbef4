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
import org.eclipse.microprofile.metrics.Timer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
    private final transient ConcurrentMap<List<String>, Timer> timers = new ConcurrentHashMap<>();

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
        List<String> labels = List.of(route(request, status), METHODS.contains(method) ? method : "other",
                status / 100 + "xx", tenants.label((String) request.getAttribute(RequestAttributes.TENANT_ID)));
        // every label is bounded, so is this map; the registry's own look-up costs more than the update
        timers.computeIfAbsent(labels, l -> registry.timer(MetricNames.HTTP_REQUESTS, new Tag("route", l.get(0)),
                        new Tag("method", l.get(1)), new Tag("status", l.get(2)), new Tag("tenant", l.get(3))))
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
