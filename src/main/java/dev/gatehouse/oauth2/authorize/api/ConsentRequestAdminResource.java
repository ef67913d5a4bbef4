package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.oauth2.authorize.ConsentRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * Hydra's {@code /admin/oauth2/auth/requests/consent}: a consent app reads the consent request of a
 * {@code consent_challenge} and accepts (granting scopes and audiences) or rejects it. Guarded by the admin filter.
 */
@Path("admin/oauth2/auth/requests/consent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentRequestAdminResource {

    @Inject
    ConsentRequests requests;

    @GET
    public JsonObject get(@QueryParam("consent_challenge") String challenge) {
        return ChallengeJson.consent(requests.get(challenge));
    }

    @PUT
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject accept(@QueryParam("consent_challenge") String challenge, InputStream body) {
        return LoginRequestAdminResource.redirectTo(requests.accept(challenge, ChallengeBodies.consent(JsonBodies.readObject(body))));
    }

    @PUT
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject reject(@QueryParam("consent_challenge") String challenge, InputStream body) {
        return LoginRequestAdminResource.redirectTo(requests.reject(challenge, ChallengeBodies.rejection(JsonBodies.readObject(body))));
    }
}
