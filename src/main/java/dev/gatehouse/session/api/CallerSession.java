package dev.gatehouse.session.api;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The valid session a request to the public session endpoints presents (cookie, {@code X-Session-Token} or
 * {@code Authorization: Bearer}), or a 401 problem, as Kratos answers {@code /sessions/whoami}.
 */
@ApplicationScoped
public class CallerSession {

    @Inject
    SessionService sessions;
    @Inject
    SessionCookies cookies;
    @Inject
    CurrentTenant tenant;

    public SessionService.Authenticated require(HttpServletRequest request) {
        return cookies.presented(request)
                .flatMap(token -> sessions.authenticate(tenant.id(), token))
                .orElseThrow(() -> new ApiException(ApiError.UNAUTHORIZED, "No valid session credentials found in the request"));
    }
}
