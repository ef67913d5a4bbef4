package dev.gatehouse.identity.api;

import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDrafts;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.json.JsonPatches;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.List;
import java.util.Set;

/**
 * {@code /admin/identities}, Ory Kratos' identity admin API: create (with password or imported hash),
 * list (paged, by credentials identifier), get, replace, JSON Patch, delete, and removing a second factor.
 * Guarded by the admin filter; scoped to the request's tenant.
 */
@Path("admin/identities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentityAdminResource {

    private static final Set<String> PATCHABLE = Set.of("schema_id", "state", "traits", "metadata_public", "metadata_admin");

    @Inject
    IdentityService identities;
    @Inject
    IdentityBatch batch;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        Identity created = identities.create(tenant.id(), IdentityDrafts.parse(JsonBodies.readObject(body)), actor());
        return Response.created(UriBuilder.fromUri(PublicUrls.baseUri(request)).path("admin/identities").path(created.id().toString()).build())
                .entity(IdentityJson.of(created, PublicUrls.baseUri(request))).build();
    }

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                         @QueryParam("credentials_identifier") String credentialsIdentifier) {
        if (credentialsIdentifier != null) {
            JsonArrayBuilder found = JsonP.createArrayBuilder();
            identities.findByIdentifier(tenant.id(), credentialsIdentifier)
                    .ifPresent(i -> found.add(IdentityJson.of(i, PublicUrls.baseUri(request))));
            return Response.ok(found.build()).build();
        }
        Pagination page = Pagination.parse(pageSize, pageToken);
        return page.answer(identities.list(tenant.id(), page.offset(), page.size() + 1),
                i -> IdentityJson.of(i, PublicUrls.baseUri(request)), PublicUrls.requestUriBuilder(request));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id, @QueryParam("include_credential") List<String> includeCredential) {
        Set<CredentialType> include = IncludeCredentials.parse(includeCredential);
        return identities.find(tenant.id(), id).map(i -> IdentityJson.of(i, PublicUrls.baseUri(request), include))
                .orElseThrow(() -> ApiException.notFound("No identity with this id"));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("id") String id, InputStream body) {
        return IdentityJson.of(identities.replace(tenant.id(), id, IdentityDrafts.parse(JsonBodies.readObject(body)), actor()),
                PublicUrls.baseUri(request));
    }

    /** RFC 6902 JSON Patch over schema_id, state, traits and metadata. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PATCH_JSON})
    public JsonObject patch(@PathParam("id") String id, InputStream body) {
        JsonArray operations = JsonBodies.readArray(body);
        Identity current = identities.find(tenant.id(), id).orElseThrow(() -> ApiException.notFound("No identity with this id"));
        JsonObject patched = JsonPatches.apply(operations, IdentityJson.patchable(current), PATCHABLE, "identity");
        return IdentityJson.of(identities.replace(tenant.id(), id, IdentityDrafts.parse(patched), actor()), PublicUrls.baseUri(request));
    }

    /** Kratos' batch endpoint: {@code {"identities": [{"create": {...}, "patch_id": "..."}]}}, one result per item. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject batch(InputStream body) {
        return batch.apply(tenant.id(), JsonBodies.readObject(body), actor(), PublicUrls.baseUri(request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        identities.delete(tenant.id(), id, actor());
        return Response.noContent().build();
    }

    /**
     * Kratos' {@code DELETE /admin/identities/{id}/credentials/{type}}: removes a second factor ({@code totp},
     * {@code lookup_secret}) so the person can set up a lost one again; 204.
     */
    @DELETE
    @Path("{id}/credentials/{type}")
    public Response deleteCredential(@PathParam("id") String id, @PathParam("type") String type) {
        identities.removeCredential(tenant.id(), id, type, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return RequestActor.of(request);
    }
}
