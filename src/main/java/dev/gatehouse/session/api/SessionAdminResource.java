package dev.gatehouse.session.api;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.session.SessionAdminService;
import dev.gatehouse.session.SessionFilter;
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
 * Kratos' {@code /admin/sessions}: the tenant's sessions with their identities (paged, {@code active} filter),
 * one by id, and revoking one. Guarded by the admin filter.
 */
@Path("admin/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionAdminResource {

    @Inject
    SessionAdminService sessions;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                         @QueryParam("active") String active) {
        Pagination page = Pagination.parse(pageSize, pageToken);
        return page.answer(sessions.list(tenant.id(), SessionFilter.parse(active), page.offset(), page.size() + 1),
                e -> SessionJson.of(e, PublicUrls.baseUri(request)), PublicUrls.requestUriBuilder(request));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return SessionJson.of(sessions.get(tenant.id(), id), PublicUrls.baseUri(request));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        sessions.revoke(tenant.id(), id, RequestActor.of(request));
        return Response.noContent().build();
    }
}
