package dev.gatehouse.credential.webauthn;

import java.util.Locale;

/**
 * Whether the authenticator must verify the person (PIN, biometric) and not only their presence
 * (<a href="https://www.w3.org/TR/webauthn-3/#enumdef-userverificationrequirement">WebAuthn §5.8.6</a>). Passkeys
 * stand in for a password and so require it; a second factor after a password may discourage it.
 */
public enum UserVerification {
    REQUIRED, PREFERRED, DISCOURAGED;

    /** The value in the options JSON. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the server refuses an answer without the UV flag. */
    public boolean required() {
        return this == REQUIRED;
    }
}
