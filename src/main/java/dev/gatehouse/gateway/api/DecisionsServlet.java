package dev.gatehouse.gateway.api;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.engine.Decision;
import dev.gatehouse.gateway.engine.Enforcement;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * Oathkeeper's decisions API: {@code <any method> /decisions/<path>} decides about the request described by
 * {@code X-Forwarded-Method}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Uri}
 * (each falling back to this request's own method, scheme, host and the path after {@code /decisions}).
 * This request's own body stands for the original's (read only if the rule's authorizer forwards it, as
 * {@code remote} does). Allowed: 200 with the mutated headers (and a {@code Cookie} header for the cookie
 * mutator). Denied: the rule's error handler's answer.
 */
@WebServlet(name = "gatewayDecisions", urlPatterns = "/decisions/*", asyncSupported = true)
public class DecisionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final List<String> FORWARDED = List.of("X-Forwarded-Method", "X-Forwarded-Proto", "X-Forwarded-Host",
            "X-Forwarded-Uri");

    @Inject
    Enforcement enforcement;
    @Inject
    CurrentTenant tenant;
    @Inject
    RequestContext context;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String prefix = request.getContextPath() + "/decisions";
        String own = request.getRequestURI().length() > prefix.length() ? request.getRequestURI().substring(prefix.length()) : "/";
        if (request.getQueryString() != null) {
            own += "?" + request.getQueryString();
        }
        Enforcement.Target target = new Enforcement.Target(
                or(request.getHeader("X-Forwarded-Method"), request.getMethod()),
                or(request.getHeader("X-Forwarded-Proto"), request.getScheme()),
                or(request.getHeader("X-Forwarded-Host"), request.getHeader("Host")),
                or(request.getHeader("X-Forwarded-Uri"), own));
        Enforcement.Evaluation e = enforcement.evaluate(tenant.id(), request, target, context.clientIp(), FORWARDED);
        if (e.decision() instanceof Decision.Allowed allowed) {
            AuthenticationSession s = allowed.session();
            response.setStatus(200);
            response.setHeader("Cache-Control", "no-store");
            s.headers().forEach((k, v) -> {
                if (Enforcement.safeHeaderValue(v)) {
                    response.setHeader(k, v);
                }
            });
            return;
        }
        enforcement.deny(e, response);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
