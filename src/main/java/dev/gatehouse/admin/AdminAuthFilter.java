package dev.gatehouse.admin;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Guards everything under {@code /admin/}: a request passes only with {@code Authorization: Bearer <key>}
 * carrying the admin API key (the break-glass credential) or an admin JWT access token that this tenant
 * issued (see {@link AdminTokens}). Mapped for REQUEST and FORWARD so that {@code /t/{tenant}/admin/...} is
 * guarded too. Failures are 401 problems and security events.
 */
public class AdminAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminCredentials credentials;
    @Inject
    SecurityEvents events;
    @Inject
    AdminTokens tokens;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String presented = bearer(request.getHeader("Authorization"));
        if (credentials.matches(presented)) {
            RequestActor.set(request, RequestActor.ADMIN_API_KEY);
            chain.doFilter(request, response);
            return;
        }
        AdminTokens.Decision token = presented == null ? new AdminTokens.Rejected("no bearer credential", false)
                : tokens.check(request, presented);
        if (token instanceof AdminTokens.Accepted accepted) {
            RequestActor.set(request, accepted.actor());
            chain.doFilter(request, response);
            return;
        }
        AdminTokens.Rejected rejected = (AdminTokens.Rejected) token;
        events.fire(SecurityEvent.of(SecurityEventType.ADMIN_AUTHENTICATION_FAILED, Outcome.DENIED)
                .detail("method", request.getMethod())
                .detail("path", request.getRequestURI())
                .detail("reason", presented == null ? "no bearer credential" : "wrong credential")
                .detail("rejected", presented == null ? null : rejected.reason()));
        if (rejected.insufficientScope()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-admin\", error=\"insufficient_scope\", scope=\""
                    + AdminTokens.SCOPE + "\"");
            ProblemWriter.write(request, response, ApiError.FORBIDDEN, "This token does not grant admin access here");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse-admin\"");
        ProblemWriter.write(request, response, ApiError.UNAUTHORIZED, credentials.configured()
                ? "The admin API needs a valid admin credential (Authorization: Bearer ...)"
                : "The admin API is disabled: no admin API key is configured (GATEHOUSE_ADMIN_API_KEY)");
    }

    static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
