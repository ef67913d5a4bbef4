package dev.gatehouse.oauth2.client.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.json.JsonPatches;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientMetadata;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientRegistration;
import dev.gatehouse.oauth2.client.ClientService;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Optional;

/**
 * {@code /admin/clients}, Ory Hydra's client admin API: create (201, the secret shown this once), list (paged,
 * by {@code client_name}), get (never a secret), replace (the secret kept unless a new one is given), RFC 6902
 * JSON Patch, delete. Guarded by the admin filter; scoped to the request's tenant. Metadata that cannot be registered
 * answers as in Hydra: 400 {@code invalid_client_metadata} or {@code invalid_redirect_uri} (RFC 7591 §3.2.2), and
 * nothing is written; other errors (404, 409, a body that is not JSON) are problem details like the rest of the admin API.
 */
@Path("admin/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientAdminResource {

    @Inject
    ClientService clients;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        ClientRegistration created = clients.create(tenant.id(), metadata(JsonBodies.readObject(body)), false, actor());
        return Response.created(UriBuilder.fromUri(PublicUrls.baseUri(request)).path("admin/clients").path(created.stored().clientId()).build())
                .entity(ClientJson.of(created.stored(), created.secret())).build();
    }

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                         @QueryParam("client_name") String clientName) {
        Pagination page = Pagination.parse(pageSize, pageToken);
        return page.answer(clients.list(tenant.id(), Optional.ofNullable(clientName), page.offset(), page.size() + 1),
                c -> ClientJson.of(c, Optional.empty()), PublicUrls.requestUriBuilder(request));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return ClientJson.of(current(id), Optional.empty());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("id") String id, InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        return answer(clients.replace(tenant.id(), id, metadata(json), actor()));
    }

    /** RFC 6902 JSON Patch over every field but the id and the timestamps; adding client_secret sets a new one. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON_PATCH_JSON})
    public JsonObject patch(@PathParam("id") String id, InputStream body) {
        var operations = JsonBodies.readArray(body);
        JsonObject patched = JsonPatches.apply(operations, ClientJson.of(current(id), Optional.empty()), ClientJson.WRITABLE, "client");
        return answer(clients.replace(tenant.id(), id, metadata(patched), actor()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        clients.delete(tenant.id(), id, actor());
        return Response.noContent().build();
    }

    private RegisteredClient current(String id) {
        return clients.find(tenant.id(), id).orElseThrow(() -> ApiException.notFound("No client with this client_id"));
    }

    private static JsonObject answer(ClientRegistration r) {
        return ClientJson.of(r.stored(), r.secret());
    }

    private static ClientMetadata metadata(JsonObject json) {
        return ClientMetadataParser.parse(json);
    }

    private String actor() {
        return RequestActor.of(request);
    }
}
