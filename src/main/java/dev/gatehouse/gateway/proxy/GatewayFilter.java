package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.engine.Decision;
import dev.gatehouse.gateway.engine.Enforcement;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy enforcement point in front of Gatehouse's own resources (or another application on the same
 * Liberty that maps it). Off by default ({@code gatehouse.gateway.filter.enabled}); when on, it guards the
 * path prefixes in {@code gatehouse.gateway.filter.paths} ({@link GuardedPaths}): a request there (its path
 * as received or as the container routes it) passes only with a rule's permission, and the resource sees
 * the mutated headers in place of the client's own, and the body a handler read to decide ({@code remote})
 * replayed. In demo mode it also guards {@code /demo/api}.
 */
public class GatewayFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    GuardedPaths guarded;
    @Inject
    Enforcement enforcement;
    @Inject
    CurrentTenant tenant;
    @Inject
    RequestContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // as received and as the container routes it (decoded, dot segments and path parameters gone): a
        // spelling that only the latter puts under a guarded prefix must not slip past
        String received = request.getRequestURI().substring(request.getContextPath().length());
        String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!guarded.covers(received) && !guarded.covers(routed)) {
            chain.doFilter(request, response);
            return;
        }
        String raw = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Enforcement.Evaluation e = enforcement.evaluate(tenant.id(), request,
                new Enforcement.Target(request.getMethod(), request.getScheme(), request.getHeader("Host"), raw),
                context.clientIp(), List.of());
        if (e.decision() instanceof Decision.Allowed allowed) {
            HttpServletRequest next = new Mutated(request, allowed.session().headers());
            if (e.request().body().consumed()) {
                next = new ReplayedBody(next, e.request().body().read());
            }
            chain.doFilter(next, response);
            return;
        }
        enforcement.deny(e, response);
    }

    /** The request with the mutators' headers replacing any the client sent under the same names. */
    static final class Mutated extends HttpServletRequestWrapper {
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Mutated(HttpServletRequest request, Map<String, String> set) {
            super(request);
            // an unsafe value (control characters) still removes the client's header of that name
            set.forEach((k, v) -> headers.put(k, Enforcement.safeHeaderValue(v) ? v : null));
        }

        @Override
        public String getHeader(String name) {
            return headers.containsKey(name) ? headers.get(name) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!headers.containsKey(name)) {
                return super.getHeaders(name);
            }
            String v = headers.get(name);
            return Collections.enumeration(v == null ? List.of() : List.of(v));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf(headers::containsKey);
            headers.forEach((k, v) -> {
                if (v != null) {
                    names.add(k);
                }
            });
            return Collections.enumeration(names);
        }
    }
}
