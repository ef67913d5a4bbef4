package dev.gatehouse.session.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.session.SessionFilter;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Kratos' {@code /sessions}: the caller's other active sessions (the one making the request is never
 * among them), revoking all of them or one. Authenticated like {@code /sessions/whoami}, at the level it requires.
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    CallerSession caller;
    @Inject
    SessionService sessions;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken) {
        var current = caller.requireAssured(request);
        Pagination page = Pagination.parse(pageSize, pageToken);
        return page.answer(sessions.ofIdentity(current.session().tenant(), current.identity().id(), SessionFilter.ACTIVE,
                current.session().id(), page.offset(), page.size() + 1), SessionJson::withoutIdentity, PublicUrls.requestUriBuilder(request));
    }

    /** Revokes every other session of the caller; answers Kratos' {@code {"count": n}}. */
    @DELETE
    public JsonObject revokeOthers() {
        return JsonP.createObjectBuilder().add("count", sessions.revokeOthers(caller.requireAssured(request))).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        sessions.revokeOwn(caller.requireAssured(request), id);
        return Response.noContent().build();
    }
}
