package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.oauth2.authorize.AuthorizationFlow;
import dev.gatehouse.oauth2.authorize.ConsentRequests;
import dev.gatehouse.oauth2.authorize.LoginDecision;
import dev.gatehouse.oauth2.authorize.LoginRequests;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Collection;

/** Hydra's JSON of login and consent requests ({@code OAuth2LoginRequest}, {@code OAuth2ConsentRequest}). */
public final class ChallengeJson {

    private ChallengeJson() {
    }

    public static JsonObject login(LoginRequests.Pending p) {
        AuthorizationFlow flow = p.flow();
        JsonObjectBuilder b = common(p.challenge(), p.client(), flow)
                .add("skip", flow.loginSkip())
                .add("subject", flow.remembered().map(AuthorizationFlow.Remembered::subject).orElse(""));
        flow.loginSessionId().ifPresent(s -> b.add("session_id", s));
        return b.build();
    }

    public static JsonObject consent(ConsentRequests.Pending p) {
        AuthorizationFlow flow = p.flow();
        LoginDecision login = flow.login().orElseThrow();
        JsonObjectBuilder b = common(p.challenge(), p.client(), flow)
                .add("skip", flow.consentSkip())
                .add("subject", login.subject())
                .add("context", JsonText.read(login.context()))
                .add("amr", strings(login.amr()));
        login.acr().ifPresent(a -> b.add("acr", a));
        flow.loginSessionId().ifPresent(s -> b.add("login_session_id", s));
        return b.build();
    }

    private static JsonObjectBuilder common(String challenge, OAuth2Client client, AuthorizationFlow flow) {
        return JsonP.createObjectBuilder()
                .add("challenge", challenge)
                .add("client", client(client))
                .add("request_url", flow.requestUrl())
                .add("requested_scope", strings(flow.request().scope()))
                .add("requested_access_token_audience", strings(flow.request().audience()))
                .add("oidc_context", flow.request().oidcContext())
                .add("requested_at", flow.requestedAt().toString());
    }

    /** The public fields of a client (never a secret), as Hydra embeds it in requests and sessions. */
    public static JsonObject client(OAuth2Client c) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("client_id", c.clientId())
                .add("client_name", c.clientName())
                .add("redirect_uris", strings(c.redirectUris()))
                .add("post_logout_redirect_uris", strings(c.postLogoutRedirectUris()))
                .add("grant_types", strings(c.grantTypes()))
                .add("response_types", strings(c.responseTypes()))
                .add("scope", String.join(" ", c.scopes().stream().sorted().toList()))
                .add("audience", strings(c.audience()))
                .add("token_endpoint_auth_method", c.tokenEndpointAuthMethod().wire())
                .add("skip_consent", c.skipConsent())
                .add("metadata", JsonText.read(c.metadata()))
                .add("created_at", c.createdAt().toString());
        return b.build();
    }

    public static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        values.stream().sorted().forEach(a::add);
        return a;
    }
}
