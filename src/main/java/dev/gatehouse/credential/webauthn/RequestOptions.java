package dev.gatehouse.credential.webauthn;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of a sign-in ceremony, written as the JSON passed to {@code navigator.credentials.get}
 * (<a href="https://www.w3.org/TR/webauthn-3/#dictdef-publickeycredentialrequestoptions">WebAuthn §5.5</a>):
 * {@code {"publicKey": {challenge, timeout, rpId, allowCredentials, userVerification}}}. For a second factor the
 * identity's credentials are listed; for a passkey the list is empty and the authenticator offers what it holds.
 */
public record RequestOptions(String rpId, Challenge challenge, List<WebAuthnCredential> allow,
                             UserVerification userVerification, Duration timeout) {

    public RequestOptions {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(userVerification, "userVerification");
        Objects.requireNonNull(timeout, "timeout");
        allow = List.copyOf(allow);
    }

    /** Sign in with one of {@code credentials}, the identity already known. */
    public static RequestOptions forCredentials(RelyingParty rp, Challenge challenge, List<WebAuthnCredential> credentials, UserVerification uv) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("an identity without WebAuthn credentials cannot be asked for one");
        }
        return new RequestOptions(rp.id(), challenge, credentials, uv, CreationOptions.DEFAULT_TIMEOUT);
    }

    /** Sign in with any passkey for this relying party, the identity told by the answer's user handle. */
    public static RequestOptions discoverable(RelyingParty rp, Challenge challenge) {
        return new RequestOptions(rp.id(), challenge, List.of(), UserVerification.REQUIRED, CreationOptions.DEFAULT_TIMEOUT);
    }

    public JsonObject toJson() {
        JsonArrayBuilder allowed = JsonP.createArrayBuilder();
        allow.forEach(c -> allowed.add(Descriptors.of(c)));
        return JsonP.createObjectBuilder().add("publicKey", JsonP.createObjectBuilder()
                .add("challenge", challenge.base64url())
                .add("timeout", timeout.toMillis())
                .add("rpId", rpId)
                .add("allowCredentials", allowed)
                .add("userVerification", userVerification.wireValue()))
                .build();
    }
}
