package dev.gatehouse.session.api;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /sessions/whoami}: the caller's session (cookie, X-Session-Token or Bearer) or 401. */
@Path("sessions/whoami")
@RequestScoped
public class WhoamiResource {

    @Inject
    SessionService sessions;
    @Inject
    SessionCookies cookies;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami() {
        return cookies.presented(request)
                .flatMap(token -> sessions.authenticate(tenant.id(), token))
                .map(a -> SessionJson.of(a.session(), a.identity(), uri.getBaseUri()))
                .orElseThrow(() -> new ApiException(ApiError.UNAUTHORIZED, "No valid session credentials found in the request"));
    }
}
