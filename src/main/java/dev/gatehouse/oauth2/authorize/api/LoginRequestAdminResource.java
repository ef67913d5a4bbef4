package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.oauth2.authorize.LoginRequests;
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
 * Hydra's {@code /admin/oauth2/auth/requests/login}: an external login app reads the login request of a
 * {@code login_challenge} and accepts or rejects it, getting {@code {redirect_to}} back. Guarded by the admin filter.
 */
@Path("admin/oauth2/auth/requests/login")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LoginRequestAdminResource {

    @Inject
    LoginRequests requests;

    @GET
    public JsonObject get(@QueryParam("login_challenge") String challenge) {
        return ChallengeJson.login(requests.get(challenge));
    }

    @PUT
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject accept(@QueryParam("login_challenge") String challenge, InputStream body) {
        return redirectTo(requests.accept(challenge, ChallengeBodies.login(JsonBodies.readObject(body))));
    }

    @PUT
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject reject(@QueryParam("login_challenge") String challenge, InputStream body) {
        return redirectTo(requests.reject(challenge, ChallengeBodies.rejection(JsonBodies.readObject(body))));
    }

    static JsonObject redirectTo(String url) {
        return JsonP.createObjectBuilder().add("redirect_to", url).build();
    }
}
