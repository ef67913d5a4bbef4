package dev.gatehouse.session.api;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionConfig;
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
    @Inject
    SessionAssurance assurance;
    @Inject
    SessionConfig config;

    public SessionService.Authenticated require(HttpServletRequest request) {
        return cookies.presented(request)
                .flatMap(token -> sessions.authenticate(tenant.id(), token))
                .orElseThrow(() -> new ApiException(ApiError.UNAUTHORIZED, "No valid session credentials found in the request"));
    }

    /**
     * The caller's session at the level {@code /sessions/whoami} requires ({@code gatehouse.session.whoami.required-aal}),
     * else Kratos' {@code session_aal2_required}: what whoami would not show, the other session endpoints neither
     * list nor revoke.
     */
    public SessionService.Authenticated requireAssured(HttpServletRequest request) {
        var current = require(request);
        assurance.require(current, config.whoamiRequiredAal(), PublicUrls.base(request), null);
        return current;
    }
}
