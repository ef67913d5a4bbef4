package dev.gatehouse.tenant;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.log.LogContext;
import dev.gatehouse.kernel.net.HostAndPort;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.http.PublicConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves the tenant of each request: a {@code /t/{tenant}/...} prefix names it (the rest of the path is
 * then served as if requested without the prefix); otherwise the host name selects it; otherwise it is
 * the default tenant. An unknown tenant in the path is a 404 problem. The host must be one this server
 * serves (its public base URL's or a tenant's registered host, see {@link dev.gatehouse.platform.http.PublicOrigins}):
 * any other is a 400 problem, so no link is ever built from a {@code Host} header nobody configured.
 */
public class TenantFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logs.of(TenantFilter.class);
    private static final String PREFIX = "/t/";

    @Inject
    TenantResolver resolver;
    @Inject
    TenantConfig config;
    @Inject
    CurrentTenant current;
    @Inject
    RequestContext context;
    @Inject
    SecurityEvents events;
    @Inject
    PublicConfig publicConfig;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            boolean prefixed = config.pathPrefix() && path.startsWith(PREFIX);
            int end = prefixed ? path.indexOf('/', PREFIX.length()) : -1;
            String rest = !prefixed ? path : end < 0 ? "/" : path.substring(end);
            Optional<HostAndPort> asked = askedHost();
            Optional<Tenant> byHost = asked.flatMap(h -> resolver.byHost(h.host()));
            Optional<String> base = asked.flatMap(h -> publicConfig.origins().baseFor(h, context.scheme(), byHost.isPresent()));
            if (base.isPresent()) {
                request.setAttribute(RequestAttributes.PUBLIC_BASE, base.get());
            } else if (!hostFree(rest)) {
                refuseHost(request, response);
                return;
            }
            if (prefixed) {
                String slug = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
                Optional<Tenant> tenant = resolver.byId(slug);
                if (tenant.isEmpty()) {
                    events.fire(SecurityEvent.of(SecurityEventType.TENANT_UNKNOWN, Outcome.DENIED)
                            .detail("path_tenant", slug.length() > 63 ? slug.substring(0, 63) : slug));
                    ProblemWriter.write(request, response, ApiError.NOT_FOUND, "Unknown tenant");
                    return;
                }
                enter(request, tenant.get());
                request.setAttribute(RequestAttributes.TENANT_PREFIX, PREFIX + slug);
                String query = request.getQueryString();
                request.getRequestDispatcher(query == null ? rest : rest + "?" + query).forward(request, response);
                return;
            }
            Tenant tenant = byHost
                    .or(() -> resolver.byId(TenantId.DEFAULT.value()))
                    .orElseThrow(() -> new IllegalStateException("the default tenant is missing from the database"));
            enter(request, tenant);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warning("Cannot resolve the tenant: the database is unavailable");
                ProblemWriter.write(request, response, ApiError.UNAVAILABLE, "The database is not available; try again shortly");
            } else {
                LOG.log(Level.SEVERE, "Cannot resolve the tenant", e);
                ProblemWriter.write(request, response, ApiError.INTERNAL,
                        "An internal error occurred; quote the request id when reporting it");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The host the request asked for; a request without one (HTTP/1.0) is taken to ask for the public host. */
    private Optional<HostAndPort> askedHost() {
        String host = context.host();
        if (host == null || host.isEmpty()) {
            return HostAndPort.parse(URI.create(publicConfig.origins().fallback()).getRawAuthority());
        }
        return HostAndPort.parse(host);
    }

    /**
     * Paths that answer whatever host they are asked under, since they write no links: health (probes use the
     * pod's address) and the decisions API (a gateway in front names Gatehouse by its internal address).
     */
    static boolean hostFree(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/decisions") || path.startsWith("/decisions/");
    }

    private void refuseHost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<HostAndPort> asked = HostAndPort.parse(context.host());
        events.fire(SecurityEvent.of(SecurityEventType.HOST_UNKNOWN, Outcome.DENIED)
                .detail("host", asked.map(HostAndPort::host).orElse("(malformed)")));
        ProblemWriter.write(request, response, ApiError.UNKNOWN_HOST, asked
                .map(h -> "This server does not serve the host \"" + h.host() + "\"")
                .orElse("The Host header is not a valid host name"));
    }

    private void enter(HttpServletRequest request, Tenant tenant) {
        current.set(tenant.id(), tenant.displayName());
        context.tenant(tenant.id().value());
        request.setAttribute(RequestAttributes.TENANT_ID, tenant.id().value());
        LogContext.put(LogContext.TENANT, tenant.id().value());
    }
}
