package dev.gatehouse.oauth2.consent.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.authorize.api.ChallengeJson;
import dev.gatehouse.oauth2.consent.ConsentRevocation;
import dev.gatehouse.oauth2.consent.ConsentSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Hydra's {@code /admin/oauth2/auth/sessions/consent}: a subject's consents ({@code OAuth2ConsentSession} shape) and
 * revoking them for one client ({@code client=}) or all ({@code all=true}), with their tokens. Guarded by the admin filter.
 */
@Path("admin/oauth2/auth/sessions/consent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentSessionsAdminResource {

    @Inject
    ConsentRevocation consents;
    @Context
    HttpServletRequest request;

    @GET
    public JsonArray list(@QueryParam("subject") String subject) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        consents.list(required(subject)).forEach(c -> a.add(json(c)));
        return a.build();
    }

    @DELETE
    public Response revoke(@QueryParam("subject") String subject, @QueryParam("client") String client,
                           @QueryParam("all") String all) {
        Optional<String> clientId = Optional.ofNullable(client).filter(c -> !c.isEmpty());
        if (clientId.isEmpty() && !"true".equals(all)) {
            throw ApiException.invalid("client", "name a client, or set all=true to revoke every client's consent");
        }
        consents.revoke(required(subject), clientId, RequestActor.of(request));
        return Response.noContent().build();
    }

    private static String required(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 255) {
            throw ApiException.invalid("subject", "is required");
        }
        return subject;
    }

    static JsonObject json(ConsentSession c) {
        JsonObjectBuilder request = JsonP.createObjectBuilder()
                .add("challenge", c.id().toString())
                .add("client", JsonP.createObjectBuilder().add("client_id", c.clientId()))
                .add("subject", c.subject())
                .add("requested_scope", ChallengeJson.strings(c.requestedScope()))
                .add("requested_access_token_audience", ChallengeJson.strings(c.requestedAudience()))
                .add("request_url", c.requestUrl());
        c.loginSessionId().ifPresent(s -> request.add("login_session_id", s));
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("consent_request", request)
                .add("grant_scope", ChallengeJson.strings(c.grantedScope()))
                .add("grant_access_token_audience", ChallengeJson.strings(c.grantedAudience()))
                .add("remember", c.remember())
                .add("remember_for", c.rememberFor().toSeconds())
                .add("handled_at", c.handledAt().toString())
                .add("session", JsonP.createObjectBuilder().add("id_token", JsonText.read(c.idTokenClaims()))
                        .add("access_token", JsonText.read(c.accessTokenClaims())));
        c.expiresAt().ifPresent(e -> b.add("expires_at", e.toString()));
        return b.build();
    }
}
