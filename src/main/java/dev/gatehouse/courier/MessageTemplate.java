package dev.gatehouse.courier;

import java.util.Locale;

/**
 * The kinds of message the self-service flows send, by Ory Kratos' template names. Each has a subject,
 * an HTML and a plain-text body per language.
 */
public enum MessageTemplate {
    VERIFICATION_CODE_VALID,
    VERIFICATION_CODE_INVALID,
    RECOVERY_CODE_VALID,
    RECOVERY_CODE_INVALID,
    LOGIN_CODE_VALID,
    REGISTRATION_CODE_VALID,
    /** The {@code link} method: a verification link. */
    VERIFICATION_VALID,
    /** The {@code link} method: a recovery link. */
    RECOVERY_VALID;

    /** Kratos' name, e.g. {@code recovery_code_valid}; also the template file name. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
