package dev.gatehouse.jwk.api;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.jwk.KeyRing;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.util.List;

/**
 * Hydra's {@code /admin/keys/{set}}: list, create, read and delete the current tenant's signing keys. Answers
 * are JWK sets ({@code {"keys": [...]}}) of PUBLIC keys only: private keys never leave the server. A set
 * "exists" while it holds a key that still verifies. Bad input is a 400 problem naming the field, as Hydra
 * answers it (not the 422 of the Kratos-style APIs), and writes nothing. Guarded by the admin filter.
 */
@Path("admin/keys/{set}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeySetAdminResource {

    @Inject
    KeyRing ring;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@PathParam("set") String set) {
        return answer(Response.ok(), existing(KeySetNames.parse(set)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("set") String set, InputStream body) {
        KeySetName name = KeySetNames.parse(set);
        CreateKeyRequest create = CreateKeyRequest.parse(JsonBodies.readObject(body));
        SigningKey key;
        try {
            key = ring.create(tenant.id(), name, create.alg(), create.kid(), RequestActor.of(request));
        } catch (KeyRing.DuplicateKeyIdException e) {
            throw ApiException.conflict("The key set already has a key with this kid");
        }
        return answer(Response.created(PublicUrls.requestUriBuilder(request).replaceQuery(null).path(key.kid()).build()), List.of(key));
    }

    @GET
    @Path("{kid}")
    public Response get(@PathParam("set") String set, @PathParam("kid") String kid) {
        List<SigningKey> key = existing(KeySetNames.parse(set)).stream().filter(k -> k.kid().equals(kid)).toList();
        if (key.isEmpty()) {
            throw ApiException.notFound("No key with this kid in the key set");
        }
        return answer(Response.ok(), key);
    }

    @DELETE
    public Response deleteSet(@PathParam("set") String set) {
        KeySetName name = KeySetNames.parse(set);
        existing(name);
        ring.deleteSet(tenant.id(), name, RequestActor.of(request));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{kid}")
    public Response deleteKey(@PathParam("set") String set, @PathParam("kid") String kid) {
        if (!ring.deleteKey(tenant.id(), KeySetNames.parse(set), kid, RequestActor.of(request))) {
            throw ApiException.notFound("No key with this kid in the key set");
        }
        return Response.noContent().build();
    }

    private List<SigningKey> existing(KeySetName set) {
        List<SigningKey> keys = ring.verifying(tenant.id(), set);
        if (keys.isEmpty()) {
            throw ApiException.notFound("No key set with this name");
        }
        return keys;
    }

    private static Response answer(Response.ResponseBuilder builder, List<SigningKey> keys) {
        List<JWK> jwks = keys.stream().map(SigningKey::publicJwk).toList();
        return builder.header("Cache-Control", "no-store").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new JWKSet(jwks).toString(true)).build();
    }
}
