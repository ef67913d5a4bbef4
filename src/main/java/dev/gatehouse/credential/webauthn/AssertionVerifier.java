package dev.gatehouse.credential.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.server.ServerProperty;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks the answer to {@code navigator.credentials.get} (<a href="https://www.w3.org/TR/webauthn-3/#sctn-verifying-assertion">WebAuthn
 * §7.2</a>) against one stored credential: client data of type {@code webauthn.get} with the flow's challenge and
 * an allowed origin, the relying party id hash, user presence and, when required, verification, the signature
 * under the stored key, and the signature counter. A counter that does not increase while either it or the stored
 * one is non-zero means the key may exist twice, and is refused
 * ({@link WebAuthnError#CLONED_AUTHENTICATOR}, WebAuthn §6.1.1). The result is the credential with its new counter
 * and time of use, to store.
 */
public final class AssertionVerifier {

    private final RelyingParty rp;
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter attestedCredentialData = new AttestedCredentialDataConverter(new ObjectConverter());

    public AssertionVerifier(RelyingParty rp) {
        this.rp = Objects.requireNonNull(rp, "rp");
    }

    /** The id of the credential the browser's answer was made with, to look up the stored credential by. */
    public static byte[] credentialId(String credentialJson) {
        return ResponseJson.parse(credentialJson).credentialId();
    }

    /**
     * The user handle a passkey's answer carries (WebAuthn §5.2.2), to find the identity it belongs to; empty when the
     * answer carries none.
     */
    public static java.util.Optional<byte[]> userHandle(String credentialJson) {
        byte[] handle = ResponseJson.parse(credentialJson).optionalResponseBinary("userHandle");
        return handle == null || handle.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(handle);
    }

    /**
     * Checks the browser's {@code PublicKeyCredential} JSON against {@code stored}, the credential of the identity
     * whose user handle is {@code userHandle}. An answer that carries a user handle (a passkey always does) must
     * carry that one.
     *
     * @throws WebAuthnException with the reason when any check fails
     */
    public WebAuthnCredential verify(String credentialJson, Challenge challenge, WebAuthnCredential stored, byte[] userHandle,
                                     UserVerification uv, Instant now) {
        ResponseJson json = ResponseJson.parse(credentialJson);
        byte[] id = json.credentialId();
        if (!Arrays.equals(id, stored.id())) {
            throw new WebAuthnException(WebAuthnError.UNKNOWN_CREDENTIAL);
        }
        byte[] presentedHandle = json.optionalResponseBinary("userHandle");
        if (presentedHandle != null && (userHandle == null || !MessageDigest.isEqual(presentedHandle, userHandle))) {
            throw new WebAuthnException(WebAuthnError.USER_HANDLE_MISMATCH);
        }
        AuthenticationRequest request = new AuthenticationRequest(id, presentedHandle, json.responseBinary("authenticatorData"),
                json.responseBinary("clientDataJSON"), json.clientExtensionsJson(), json.responseBinary("signature"));
        ServerProperty server = ServerProperty.builder().origins(rp.webauthn4jOrigins()).rpId(rp.id()).challenge(challenge.webauthn4j()).build();
        AuthenticationData data;
        try {
            data = manager.verify(request, new AuthenticationParameters(server, record(stored), List.of(stored.id()), uv.required(), true));
        } catch (RuntimeException e) {
            throw new WebAuthnException(WebAuthnError.of(e));
        }
        return stored.usedAt(now, data.getAuthenticatorData().getSignCount());
    }

    /** The stored credential as webauthn4j's record; its COSE key is parsed by webauthn4j's own converter. */
    private CredentialRecordImpl record(WebAuthnCredential stored) {
        AttestedCredentialData attested;
        try {
            attested = attestedCredentialData.convert(attestedCredentialDataBytes(stored));
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored WebAuthn public key cannot be read", e);
        }
        return new CredentialRecordImpl(null, stored.userVerified(), stored.backupEligible(), null, stored.signCount(),
                attested, null, null, null,
                stored.transports().stream().map(AuthenticatorTransport::create).collect(Collectors.toUnmodifiableSet()));
    }

    /** AAGUID, 2-byte id length, id, COSE_Key: the layout of WebAuthn §6.5.2. */
    private static byte[] attestedCredentialDataBytes(WebAuthnCredential stored) {
        byte[] id = stored.id();
        byte[] key = stored.publicKeyCose();
        UUID aaguid = stored.aaguid();
        return ByteBuffer.allocate(16 + 2 + id.length + key.length)
                .putLong(aaguid.getMostSignificantBits()).putLong(aaguid.getLeastSignificantBits())
                .putShort((short) id.length).put(id).put(key)
                .array();
    }
}
