package dev.gatehouse.jwk;

import java.util.regex.Pattern;

/** The name of a key set, as in {@code /admin/keys/{set}}. Hydra's two well-known sets are constants. */
public record KeySetName(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Signs ID tokens, logout tokens and the gateway's {@code id_token} mutator. */
    public static final KeySetName ID_TOKEN = new KeySetName("hydra.openid.id-token");
    /** Signs JWT access tokens (RFC 9068). */
    public static final KeySetName ACCESS_TOKEN = new KeySetName("hydra.jwt.access-token");

    public KeySetName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a key set name is 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
