package dev.gatehouse.session.api;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.session.SessionAdminService;
import dev.gatehouse.session.SessionFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
 * Kratos' {@code /admin/identities/{id}/sessions}: one identity's sessions (paged, {@code active} filter) and
 * revoking all of them. Its root path has more literal characters than {@code IdentityAdminResource}'s
 * {@code admin/identities}, so JAX-RS matches it first for these URIs and leaves {@code /admin/identities/{id}}
 * to that class.
 */
@Path("admin/identities/{id}/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentitySessionsAdminResource {

    @Inject
    SessionAdminService sessions;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@PathParam("id") String identity, @QueryParam("page_size") String pageSize,
                         @QueryParam("page_token") String pageToken, @QueryParam("active") String active) {
        Pagination page = Pagination.parse(pageSize, pageToken);
        return page.answer(sessions.ofIdentity(tenant.id(), identity, SessionFilter.parse(active), page.offset(), page.size() + 1),
                e -> SessionJson.of(e, PublicUrls.baseUri(request)), PublicUrls.requestUriBuilder(request));
    }

    @DELETE
    public Response revokeAll(@PathParam("id") String identity) {
        sessions.revokeAll(tenant.id(), identity, RequestActor.of(request));
        return Response.noContent().build();
    }
}
