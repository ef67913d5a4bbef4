package dev.gatehouse.identity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of credential an identity can have, by Kratos' names. */
public enum CredentialType {
    PASSWORD,
    CODE,
    WEBAUTHN,
    TOTP,
    LOOKUP_SECRET,
    PASSKEY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CredentialType> fromWire(String s) {
        for (CredentialType v : values()) {
            if (v.wire().equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
