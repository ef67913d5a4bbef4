package dev.gatehouse.oauth2.client;

import java.util.Arrays;
import java.util.Optional;

/** How a client authenticates at the token endpoint (RFC 7591 §2, OpenID Connect Core §9). */
public enum TokenEndpointAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    PRIVATE_KEY_JWT("private_key_jwt"),
    NONE("none");

    private final String wire;

    TokenEndpointAuthMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TokenEndpointAuthMethod> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
