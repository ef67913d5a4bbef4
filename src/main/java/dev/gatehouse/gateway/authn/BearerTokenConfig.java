package dev.gatehouse.gateway.authn;

import jakarta.json.JsonObject;

/** {@code bearer_token}'s config: the session check, and where the token is ({@code token_from}, {@code prefix}). */
record BearerTokenConfig(SessionCheckConfig check, TokenFrom tokenFrom) {

    static BearerTokenConfig parse(JsonObject config) {
        return new BearerTokenConfig(SessionCheckConfig.parse(config), TokenFrom.parse(config));
    }
}
