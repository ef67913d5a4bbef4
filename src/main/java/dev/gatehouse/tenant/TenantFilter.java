package dev.gatehouse.tenant;

import dev.gatehouse.kernel.RequestAttributes;
import dev.gatehouse.kernel.DatabaseFailures;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.log.LogContext;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resolves the tenant of each request: a {@code /t/{tenant}/...} prefix names it (the rest of the path is
 * then served as if requested without the prefix); otherwise the host name selects it; otherwise it is
 * the default tenant. An unknown tenant in the path is a 404 problem.
 */
public class TenantFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TenantFilter.class.getName());
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

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (config.pathPrefix() && path.startsWith(PREFIX)) {
                int end = path.indexOf('/', PREFIX.length());
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
                String rest = end < 0 ? "/" : path.substring(end);
                String query = request.getQueryString();
                request.getRequestDispatcher(query == null ? rest : rest + "?" + query).forward(request, response);
                return;
            }
            Tenant tenant = resolver.byHost(request.getServerName())
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

    private void enter(HttpServletRequest request, Tenant tenant) {
        current.set(tenant);
        context.tenant(tenant.id().value());
        request.setAttribute(RequestAttributes.TENANT_ID, tenant.id().value());
        LogContext.put(LogContext.TENANT, tenant.id().value());
    }
}
