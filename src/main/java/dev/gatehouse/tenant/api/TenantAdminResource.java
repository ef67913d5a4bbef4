package dev.gatehouse.tenant.api;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.TenantService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;

/**
 * {@code /admin/tenants}: create, list (or search, {@code ?q=}) and read tenants, and map host names to them
 * ({@code PUT} and {@code DELETE /admin/tenants/{id}/hosts/{host}}). Guarded by the admin filter.
 */
@Path("admin/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    private static final int MAX_QUERY = 256;

    @Inject
    TenantService tenants;
    @Inject
    CurrentTenant current;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        requireEveryTenant();
        JsonObject json = JsonBodies.readObject(body);
        TenantService.NewTenant asked = new TenantService.NewTenant(
                JsonFields.requiredString(json, "id"),
                JsonFields.optionalString(json, "display_name").orElse(null),
                JsonFields.stringList(json, "hosts"));
        Tenant created = tenants.create(asked, actor());
        return Response.created(UriBuilder.fromUri(PublicUrls.baseUri(request)).path("admin/tenants").path(created.id().value()).build())
                .entity(TenantJson.of(created)).build();
    }

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                         @QueryParam("q") String query) {
        requireEveryTenant();
        Pagination page = Pagination.parse(pageSize, pageToken);
        if (query != null && query.length() > MAX_QUERY) {
            throw ApiException.invalid("q", "must be at most " + MAX_QUERY + " characters");
        }
        return page.answer(tenants.search(query, page.offset(), page.size() + 1), TenantJson::of, PublicUrls.requestUriBuilder(request));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        requireEveryTenant();
        return tenants.find(id).map(TenantJson::of)
                .orElseThrow(() -> ApiException.notFound("No tenant with this id"));
    }

    @PUT
    @Path("{id}/hosts/{host}")
    public JsonObject addHost(@PathParam("id") String id, @PathParam("host") String host) {
        requireEveryTenant();
        return TenantJson.of(tenants.addHost(id, host, actor()));
    }

    @DELETE
    @Path("{id}/hosts/{host}")
    public Response removeHost(@PathParam("id") String id, @PathParam("host") String host) {
        requireEveryTenant();
        tenants.removeHost(id, host, actor());
        return Response.noContent().build();
    }

    /**
     * Managing tenants spans tenants: only the admin API key and the default tenant's admin tokens may. The admin
     * filter refuses other tenants' tokens first; this holds however the path reached here was spelled.
     */
    private void requireEveryTenant() {
        if (!RequestActor.ADMIN_API_KEY.equals(actor()) && !TenantId.DEFAULT.equals(current.id())) {
            throw new ApiException(ApiError.FORBIDDEN, "A tenant's admin credential cannot manage tenants");
        }
    }

    private String actor() {
        return RequestActor.of(request);
    }
}
