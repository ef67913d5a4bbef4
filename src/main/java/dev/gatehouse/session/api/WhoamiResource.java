package dev.gatehouse.session.api;

import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /sessions/whoami}: the caller's session (cookie, X-Session-Token or Bearer) or 401; 403
 * {@code session_aal2_required} for a session below {@code gatehouse.session.whoami.required-aal}.
 */
@Path("sessions/whoami")
@RequestScoped
public class WhoamiResource {

    @Inject
    CallerSession caller;
    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami() {
        var current = caller.requireAssured(request);
        return SessionJson.of(current.session(), current.identity(), PublicUrls.baseUri(request));
    }
}
