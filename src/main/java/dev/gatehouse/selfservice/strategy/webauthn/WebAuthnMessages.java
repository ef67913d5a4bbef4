package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.UiText;

import java.time.Instant;

/** The messages of the {@code webauthn} and {@code passkey} methods, with Kratos' ids and English texts (kratos text/message_*.go). */
public final class WebAuthnMessages {

    public static final String WEBAUTHN = "webauthn";
    public static final String PASSKEY = "passkey";
    /** After totp (400), before lookup_secret (500). */
    public static final int WEBAUTHN_ORDER = 450;
    /** After every other method. */
    public static final int PASSKEY_ORDER = 600;

    private WebAuthnMessages() {
    }

    public static UiText signInWithKey() {
        return UiText.info(1010008, "Sign in with a hardware key");
    }

    /** The trigger's label on the second form of a password-free sign-in (Kratos' login "Continue"). */
    public static UiText continueSignIn() {
        return UiText.info(1010013, "Continue");
    }

    public static UiText preparePasswordless() {
        return UiText.info(1010012, "Prepare your WebAuthn device (e.g. security key, biometrics scanner, ...) and press continue.");
    }

    public static UiText signUpWithKey() {
        return UiText.info(1040004, "Sign up with security key");
    }

    public static UiText signInWithPasskey() {
        return UiText.info(1010021, "Sign in with passkey");
    }

    public static UiText signUpWithPasskey() {
        return UiText.info(1040007, "Sign up with passkey");
    }

    public static UiText addKey() {
        return UiText.info(1050012, "Add security key");
    }

    public static UiText keyName() {
        return UiText.info(1050013, "Name of the security key");
    }

    public static UiText removeKey(String name, Instant addedAt) {
        return removal(1050018, "Remove security key \"%s\"", name, addedAt);
    }

    public static UiText addPasskey() {
        return UiText.info(1050019, "Add passkey");
    }

    public static UiText removePasskey(String name, Instant addedAt) {
        return removal(1050020, "Remove passkey \"%s\"", name, addedAt);
    }

    public static UiText noKey() {
        return UiText.error(4000013, "You have no WebAuthn device set up.");
    }

    public static UiText noSuchUser() {
        return UiText.error(4000015, "This account does not exist or has no security key set up.");
    }

    public static UiText verifierWrong() {
        return UiText.error(4000043, "The provided web authn login is invalid, please try again.");
    }

    /** Kratos' validation error, under the generic id. */
    public static UiText alreadyRegistered() {
        return UiText.error(4000001, "this security key or passkey is already registered with your account");
    }

    /** Kratos' validation error, under the generic id. */
    public static UiText lastFirstFactor() {
        return UiText.error(4000001, "unable to remove this security key because it would lock you out of your account");
    }

    /** The browser's answer to a registration did not pass the checks (Kratos answers a server error here). */
    public static UiText registrationRefused() {
        return UiText.error(4000001, "The security key or passkey could not be registered, please try again.");
    }

    private static UiText removal(long id, String text, String name, Instant addedAt) {
        String shown = name == null || name.isBlank() ? "unnamed" : name;
        return new UiText(id, String.format(text, shown), "info", JsonP.createObjectBuilder().add("display_name", shown)
                .add("added_at", addedAt.toString()).add("added_at_unix", addedAt.getEpochSecond()).build());
    }
}
