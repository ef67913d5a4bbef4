package dev.gatehouse.credential.webauthn;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The options of a registration ceremony, written as the JSON that Kratos' WebAuthn script passes to
 * {@code navigator.credentials.create} (<a href="https://www.w3.org/TR/webauthn-3/#dictdef-publickeycredentialcreationoptions">WebAuthn
 * §5.4</a>), binary members base64url: {@code {"publicKey": {rp, user, challenge, pubKeyCredParams, timeout,
 * excludeCredentials, authenticatorSelection, attestation}}}. A passkey asks for a discoverable credential
 * ({@code residentKey: required}), so that sign-in needs no user name; a second factor discourages one.
 */
public record CreationOptions(RelyingParty rp, byte[] userHandle, String userName, String userDisplayName,
                              Challenge challenge, boolean passkey, UserVerification userVerification,
                              List<WebAuthnCredential> exclude, String attestation, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The user handle must not identify the person (WebAuthn §14.6.1); random, at most 64 bytes. */
    static final int MAX_USER_HANDLE_BYTES = 64;

    public CreationOptions {
        Objects.requireNonNull(rp, "rp");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(userVerification, "userVerification");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(timeout, "timeout");
        if (userHandle.length == 0 || userHandle.length > MAX_USER_HANDLE_BYTES) {
            throw new IllegalArgumentException("user handle must hold 1 to 64 bytes");
        }
        userHandle = userHandle.clone();
        userDisplayName = userDisplayName == null || userDisplayName.isBlank() ? userName : userDisplayName;
        exclude = List.copyOf(exclude);
    }

    /** A second factor: no discoverable credential, the identity's existing keys excluded. */
    public static CreationOptions secondFactor(RelyingParty rp, AttestationPolicy policy, byte[] userHandle, String userName,
                                               String displayName, Challenge challenge, UserVerification uv,
                                               List<WebAuthnCredential> existing) {
        return new CreationOptions(rp, userHandle, userName, displayName, challenge, false, uv, existing, policy.conveyance(), DEFAULT_TIMEOUT);
    }

    /** A passkey: a discoverable credential that verifies the person. */
    public static CreationOptions passkey(RelyingParty rp, AttestationPolicy policy, byte[] userHandle, String userName,
                                          String displayName, Challenge challenge, List<WebAuthnCredential> existing) {
        return new CreationOptions(rp, userHandle, userName, displayName, challenge, true, UserVerification.REQUIRED, existing, policy.conveyance(), DEFAULT_TIMEOUT);
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    public JsonObject toJson() {
        JsonArrayBuilder params = JsonP.createArrayBuilder();
        KeyAlgorithms.OFFERED.forEach(alg -> params.add(JsonP.createObjectBuilder().add("type", "public-key").add("alg", alg.getValue())));
        JsonArrayBuilder excluded = JsonP.createArrayBuilder();
        exclude.forEach(c -> excluded.add(Descriptors.of(c)));
        return JsonP.createObjectBuilder().add("publicKey", JsonP.createObjectBuilder()
                .add("rp", JsonP.createObjectBuilder().add("id", rp.id()).add("name", rp.name()))
                .add("user", JsonP.createObjectBuilder()
                        .add("id", Base64.getUrlEncoder().withoutPadding().encodeToString(userHandle))
                        .add("name", userName)
                        .add("displayName", userDisplayName))
                .add("challenge", challenge.base64url())
                .add("pubKeyCredParams", params)
                .add("timeout", timeout.toMillis())
                .add("excludeCredentials", excluded)
                .add("authenticatorSelection", JsonP.createObjectBuilder()
                        .add("residentKey", passkey ? "required" : "discouraged")
                        .add("requireResidentKey", passkey)
                        .add("userVerification", userVerification.wireValue()))
                .add("attestation", attestation))
                .build();
    }
}
