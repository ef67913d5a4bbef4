package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.engine.Decision;
import dev.gatehouse.gateway.engine.Enforcement;
import dev.gatehouse.gateway.port.TenantByHost;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.log.LogContext;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * The reverse proxy. Liberty serves the application on a second HTTP endpoint
 * ({@code gatehouse.gateway.proxy-port}); every request that arrives on that local port is handled here and
 * never reaches Gatehouse's own resources: it is decided by the rules, and only an allowed request goes
 * to its rule's upstream. Mapped right after the request-context filter, before body limits and tenant
 * path prefixes (proxied paths belong to the upstream); the tenant is chosen by host name.
 */
public class ReverseProxyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    GatewayConfig config;
    @Inject
    Enforcement enforcement;
    @Inject
    UpstreamForwarder forwarder;
    @Inject
    TenantByHost tenants;
    @Inject
    RequestContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (config.proxyPort() <= 0 || request.getLocalPort() != config.proxyPort()) {
            chain.doFilter(request, response);
            return;
        }
        TenantId tenant = tenants.tenantOf(request.getServerName()).orElse(TenantId.DEFAULT);
        context.tenant(tenant.value());
        LogContext.put(LogContext.TENANT, tenant.value());
        String raw = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Enforcement.Target target = new Enforcement.Target(request.getMethod(), request.getScheme(),
                request.getHeader("Host"), raw);
        Enforcement.Evaluation e = enforcement.evaluate(tenant, request, target, context.clientIp(), List.of());
        if (e.decision() instanceof Decision.Allowed allowed) {
            try {
                if (!allowed.matched().rule().upstream().configured()) {
                    throw GatewayException.internal("rule " + allowed.matched().id() + " has no upstream");
                }
                forwarder.forward(allowed.matched().rule().upstream(), e.request(), allowed.session(), request, response);
            } catch (GatewayException failure) {
                enforcement.deny(new Enforcement.Evaluation(e.request(), new Decision.Denied(allowed.matched(), failure)), response);
            }
            return;
        }
        enforcement.deny(e, response);
    }
}
