package dev.gatehouse.it.oauth2.authorize;

import dev.gatehouse.it.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.UUID;

/**
 * Clients for the authorization endpoint tests, registered through {@code POST /admin/clients} with Hydra's JSON:
 * {@code AuthorizeClients.publicClient().skipConsent().create()}.
 */
public final class AuthorizeClients {

    /** A registered client as the tests use it. */
    public record Client(String id, String secret, String redirectUri, String postLogoutRedirectUri) {
    }

    private final String authMethod;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private List<String> redirectUris = List.of("https://app.example.test/cb/" + suffix);
    private String scope = "openid offline_access profile email";
    private List<String> audience = List.of("https://api.example.test");
    private boolean skipConsent;
    private String backchannelLogoutUri;
    private String accessTokenStrategy = "opaque";

    private AuthorizeClients(String authMethod) {
        this.authMethod = authMethod;
    }

    public static AuthorizeClients publicClient() {
        return new AuthorizeClients("none");
    }

    static AuthorizeClients confidential() {
        return new AuthorizeClients("client_secret_basic");
    }

    AuthorizeClients redirectUris(String... uris) {
        this.redirectUris = List.of(uris);
        return this;
    }

    AuthorizeClients scope(String scope) {
        this.scope = scope;
        return this;
    }

    /** {@code opaque} (the default) or {@code jwt} (RFC 9068 access tokens). */
    public AuthorizeClients accessTokenStrategy(String strategy) {
        this.accessTokenStrategy = strategy;
        return this;
    }

    public AuthorizeClients skipConsent() {
        this.skipConsent = true;
        return this;
    }

    public AuthorizeClients backchannelLogoutUri(String uri) {
        this.backchannelLogoutUri = uri;
        return this;
    }

    public Client create() {
        String postLogout = "https://app.example.test/bye/" + suffix;
        JsonArrayBuilder redirects = Json.createArrayBuilder();
        redirectUris.forEach(redirects::add);
        JsonArrayBuilder aud = Json.createArrayBuilder();
        audience.forEach(aud::add);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("client_name", "Authorize test app " + suffix)
                .add("redirect_uris", redirects)
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(postLogout))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("scope", scope)
                .add("audience", aud)
                .add("token_endpoint_auth_method", authMethod)
                .add("skip_consent", skipConsent)
                .add("access_token_strategy", accessTokenStrategy);
        if (backchannelLogoutUri != null) {
            body.add("backchannel_logout_uri", backchannelLogoutUri);
        }
        Http.Response created = Http.post("/admin/clients").admin().json(body.build().toString()).send();
        if (created.status() != 201) {
            throw new IllegalStateException("client not created: " + created);
        }
        return new Client(created.jsonObject().getString("client_id"), created.jsonObject().getString("client_secret", null),
                redirectUris.get(0), postLogout);
    }
}
