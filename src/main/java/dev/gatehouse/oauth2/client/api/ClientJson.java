package dev.gatehouse.oauth2.client.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.oauth2.client.ClientMetadataParser;
import dev.gatehouse.oauth2.client.GoDurations;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.RegisteredClient;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The wire shape of a client, as Ory Hydra's {@code /admin/clients} writes it. The secret appears only when it was
 * just generated or set; its hash never.
 */
public final class ClientJson {

    /** What a JSON Patch or dynamic-registration update may change: all but the id and the timestamps. */
    static final Set<String> WRITABLE = Set.of("client_secret", "client_name", "redirect_uris", "post_logout_redirect_uris",
            "grant_types", "response_types", "scope", "audience", "token_endpoint_auth_method", "jwks", "jwks_uri",
            "skip_consent", "access_token_strategy", "metadata", "backchannel_logout_uri",
            "backchannel_logout_session_required", ClientMetadataParser.ACCESS_TOKEN_LIFESPAN,
            ClientMetadataParser.REFRESH_TOKEN_LIFESPAN, ClientMetadataParser.ID_TOKEN_LIFESPAN);

    private ClientJson() {
    }

    public static JsonObject of(RegisteredClient stored, Optional<String> secret) {
        return builder(stored, secret).build();
    }

    public static JsonObjectBuilder builder(RegisteredClient stored, Optional<String> secret) {
        OAuth2Client c = stored.client();
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("client_id", c.clientId())
                .add("client_name", c.clientName());
        secret.ifPresent(s -> b.add("client_secret", s).add("client_secret_expires_at", 0));
        b.add("redirect_uris", array(c.redirectUris()))
                .add("post_logout_redirect_uris", array(c.postLogoutRedirectUris()))
                .add("grant_types", array(c.grantTypes().stream().sorted().toList()))
                .add("response_types", array(c.responseTypes().stream().sorted().toList()))
                .add("scope", String.join(" ", c.scopes().stream().sorted().toList()))
                .add("audience", array(c.audience().stream().sorted().toList()))
                .add("token_endpoint_auth_method", c.tokenEndpointAuthMethod().wire());
        c.jwks().ifPresent(j -> b.add("jwks", JsonText.read(j)));
        c.jwksUri().ifPresent(u -> b.add("jwks_uri", u.toString()));
        b.add("skip_consent", c.skipConsent())
                .add("access_token_strategy", c.accessTokenStrategy().wire())
                .add("metadata", JsonText.read(c.metadata()));
        c.backchannelLogoutUri().ifPresent(u -> b.add("backchannel_logout_uri", u.toString()));
        b.add("backchannel_logout_session_required", c.backchannelLogoutSessionRequired());
        lifespan(b, ClientMetadataParser.ACCESS_TOKEN_LIFESPAN, c.lifespans().accessToken());
        lifespan(b, ClientMetadataParser.REFRESH_TOKEN_LIFESPAN, c.lifespans().refreshToken());
        lifespan(b, ClientMetadataParser.ID_TOKEN_LIFESPAN, c.lifespans().idToken());
        return b.add("created_at", c.createdAt().toString())
                .add("updated_at", stored.updatedAt().toString());
    }

    private static void lifespan(JsonObjectBuilder b, String field, Optional<Duration> d) {
        if (d.isPresent()) {
            b.add(field, GoDurations.format(d.get()));
        } else {
            b.add(field, JsonValue.NULL);
        }
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
