package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;
import java.util.Set;

/** A successful token response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3). */
public record AccessTokenResponse(String accessToken, long expiresIn, Set<String> scopes,
                                  Optional<String> refreshToken, Optional<String> idToken) implements TokenResponse {

    public AccessTokenResponse {
        scopes = Set.copyOf(scopes);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "bearer")
                .add("expires_in", expiresIn)
                .add("scope", Scopes.join(scopes));
        refreshToken.ifPresent(t -> b.add("refresh_token", t));
        idToken.ifPresent(t -> b.add("id_token", t));
        return b.build();
    }
}
