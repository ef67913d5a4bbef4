package dev.gatehouse.credential.webauthn;

/** A refused WebAuthn answer; {@link #error()} says why. Expected in normal use, so it carries no stack trace. */
public final class WebAuthnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final WebAuthnError error;

    public WebAuthnException(WebAuthnError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    public WebAuthnError error() {
        return error;
    }
}
