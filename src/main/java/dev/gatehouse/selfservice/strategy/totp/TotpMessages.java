package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.UiText;

/** The {@code totp} method's messages, with Kratos' ids and English texts (kratos text/message_*.go). */
final class TotpMessages {

    static final String METHOD = "totp";
    static final String GROUP = "totp";
    /** After password (100), code (200), link (300). */
    static final int ORDER = 400;

    private TotpMessages() {
    }

    static UiText codeLabel() {
        return UiText.info(1010006, "Authentication code");
    }

    static UiText useAuthenticator() {
        return UiText.info(1010009, "Use Authenticator");
    }

    static UiText unlink() {
        return UiText.info(1050004, "Unlink TOTP Authenticator App");
    }

    static UiText qrCode() {
        return UiText.info(1050005, "Authenticator app QR code");
    }

    /** The secret itself, as text (its context carries it too, so a page that translates keeps it). */
    static UiText secret(String base32) {
        return new UiText(1050006, base32, "info", JsonP.createObjectBuilder().add("secret", base32).build());
    }

    static UiText secretLabel() {
        return UiText.info(1050017, "This is your authenticator app secret. Use it if you can not scan the QR code.");
    }

    static UiText wrongCode() {
        return UiText.error(4000008, "The provided authentication code is invalid, please try again.");
    }

    static UiText noDevice() {
        return UiText.error(4000011, "You have no TOTP device set up.");
    }
}
