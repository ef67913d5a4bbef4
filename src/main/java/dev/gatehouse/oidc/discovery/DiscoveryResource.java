package dev.gatehouse.oidc.discovery;

import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.client.ClientConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/openid-configuration} of the request's tenant: each tenant is its own issuer, so its
 * document names its own endpoints.
 */
@Path(".well-known/openid-configuration")
@RequestScoped
public class DiscoveryResource {

    static final int MAX_AGE_SECONDS = 300;

    @Inject
    Issuer issuer;
    @Inject
    ClientConfig clients;
    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        boolean registration = clients.dynamicRegistration();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(DiscoveryDocument.of(issuer.of(request), registration)).cacheControl(cache).build();
    }
}
