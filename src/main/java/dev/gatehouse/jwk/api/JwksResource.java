package dev.gatehouse.jwk.api;

import dev.gatehouse.jwk.JwtSigning;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/jwks.json} (RFC 7517 §5): the public keys of every key set of the request's tenant that
 * still verify, each with {@code kid}, {@code alg} and {@code use}. Cached briefly by clients, so a rotated key
 * shows up within a minute.
 */
@Path(".well-known/jwks.json")
@RequestScoped
public class JwksResource {

    static final int MAX_AGE_SECONDS = 60;

    @Inject
    JwtSigning signing;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        cache.setPrivate(false);
        return Response.ok(signing.publicKeys().toString(true), MediaType.APPLICATION_JSON_TYPE).cacheControl(cache).build();
    }
}
