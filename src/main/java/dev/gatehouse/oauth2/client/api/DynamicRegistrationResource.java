package dev.gatehouse.oauth2.client.api;

import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.client.ClientConfig;
import dev.gatehouse.oauth2.client.ClientMetadata;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.ClientRegistration;
import dev.gatehouse.oauth2.client.DynamicRegistration;
import dev.gatehouse.oauth2.client.RegisteredClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * {@code /oauth2/register}: Dynamic Client Registration (RFC 7591) and its management (RFC 7592) with the
 * registration access token as bearer token. Off unless {@code gatehouse.oauth2.dynamic-registration.enabled};
 * when off it answers 404, as Hydra does. Answers carry {@code Cache-Control: no-store}: they hold secrets.
 */
@Path("oauth2/register")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DynamicRegistrationResource {

    @Inject
    DynamicRegistration registration;
    @Inject
    ClientConfig config;
    @Inject
    CurrentTenant tenant;
    @Inject
    Issuer issuer;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        requireEnabled();
        ClientRegistration r = registration.register(tenant.id(), metadata(body));
        URI location = URI.create(clientUri(r.stored().clientId()));
        return noStore(Response.created(location).entity(json(r.stored(), r.secret(), r.registrationToken().orElseThrow())));
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireEnabled();
        Optional<String> token = bearer(authorization);
        return noStore(Response.ok(json(registration.read(tenant.id(), id, token), Optional.empty(), token.orElseThrow())));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           InputStream body) {
        requireEnabled();
        Optional<String> token = bearer(authorization);
        registration.read(tenant.id(), id, token);
        ClientRegistration r = registration.update(tenant.id(), id, token, metadata(body));
        return noStore(Response.ok(json(r.stored(), Optional.empty(), token.orElseThrow())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireEnabled();
        registration.delete(tenant.id(), id, bearer(authorization));
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private void requireEnabled() {
        if (!config.dynamicRegistration()) {
            throw ApiException.notFound("Dynamic registration is not enabled.");
        }
    }

    private static ClientMetadata metadata(InputStream body) {
        JsonObject json;
        try {
            json = JsonBodies.readObject(body);
        } catch (ApiException e) {
            throw new OAuth2Exception(OAuth2Error.INVALID_CLIENT_METADATA, e.detail());
        }
        return ClientMetadataParser.parse(json);
    }

    private JsonObject json(RegisteredClient client, Optional<String> secret, String token) {
        return ClientJson.builder(client, secret)
                .add("client_id_issued_at", client.client().createdAt().getEpochSecond())
                .add("registration_access_token", token)
                .add("registration_client_uri", clientUri(client.clientId()))
                .build();
    }

    private String clientUri(String clientId) {
        return issuer.url(request, "/oauth2/register/" + clientId);
    }

    private static Optional<String> bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response noStore(Response.ResponseBuilder r) {
        return r.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
