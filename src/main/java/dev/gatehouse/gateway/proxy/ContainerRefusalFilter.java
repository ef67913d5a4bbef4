package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.engine.Enforcement;
import dev.gatehouse.kernel.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Liberty refuses some request targets itself (an encoded dot, slash or backslash, a raw backslash) after it
 * has chosen the application but before any filter runs, and sends them to the error page. On that error
 * dispatch, for a request meant for an enforcement point (the reverse-proxy port, the decisions API, a path
 * the servlet filter guards), this answers as the gateway does: 400 with the gateway's JSON body and its
 * reason, and a decision event. Every other error dispatch goes on to the error page unchanged.
 */
public class ContainerRefusalFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String DECISIONS = "/decisions";

    @Inject
    GatewayConfig config;
    @Inject
    GuardedPaths guarded;
    @Inject
    Enforcement enforcement;
    @Inject
    RequestContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) || !forGateway(request, uri)) {
            chain.doFilter(request, response);
            return;
        }
        // the request-context filter did not run for a request refused this early
        String clientIp = context.clientIp() == null ? request.getRemoteAddr() : context.clientIp();
        Optional<Enforcement.Evaluation> refusal = enforcement.refusal(
                new Enforcement.Target(request.getMethod(), request.getScheme(), request.getHeader("Host"), uri), clientIp);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        enforcement.deny(refusal.get(), response);
    }

    private boolean forGateway(HttpServletRequest request, String uri) {
        if (config.proxyPort() > 0 && request.getLocalPort() == config.proxyPort()) {
            return true;
        }
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        return path.equals(DECISIONS) || path.startsWith(DECISIONS + "/") || guarded.covers(path);
    }
}
