package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Hydra's {@code /admin/oauth2/auth/requests/logout}: a logout app reads the request of a {@code logout_challenge}
 * ({@code subject}, {@code sid}, {@code rp_initiated}, {@code client}) and accepts ({@code {redirect_to}}) or
 * rejects it (204). Guarded by the admin filter.
 */
@Path("admin/oauth2/auth/requests/logout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LogoutRequestAdminResource {

    @Inject
    LogoutRequests logouts;

    @GET
    public JsonObject get(@QueryParam("logout_challenge") String challenge) {
        LogoutRequests.Pending p = logouts.get(challenge);
        LogoutRequest r = p.request();
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("challenge", p.challenge())
                .add("subject", r.subject().orElse("")).add("sid", r.loginSessionId().orElse(""))
                .add("request_url", r.requestUrl()).add("rp_initiated", r.rpInitiated());
        p.client().ifPresent(c -> b.add("client", ChallengeJson.client(c)));
        return b.build();
    }

    @PUT
    @Path("accept")
    public JsonObject accept(@QueryParam("logout_challenge") String challenge) {
        return LoginRequestAdminResource.redirectTo(logouts.accept(challenge));
    }

    @PUT
    @Path("reject")
    public Response reject(@QueryParam("logout_challenge") String challenge) {
        logouts.reject(challenge);
        return Response.noContent().build();
    }
}
