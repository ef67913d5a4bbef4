package dev.gatehouse.credential.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the answer to {@code navigator.credentials.create} (<a href="https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential">WebAuthn
 * §7.1</a>): client data of type {@code webauthn.create} with the flow's challenge and one of the relying party's
 * origins, the relying party id hash, user presence (and verification when asked for), an offered key algorithm, and
 * the attestation under the {@link AttestationPolicy}. The result is the credential to store.
 */
public final class RegistrationVerifier {

    private final RelyingParty rp;
    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter attestedCredentialData = new AttestedCredentialDataConverter(new ObjectConverter());

    public RegistrationVerifier(RelyingParty rp, AttestationPolicy policy) {
        this.rp = Objects.requireNonNull(rp, "rp");
        this.manager = policy.manager();
    }

    /**
     * The credential the browser's {@code PublicKeyCredential} JSON registers, named {@code name}.
     *
     * @throws WebAuthnException with the reason when any check fails
     */
    public WebAuthnCredential verify(String credentialJson, Challenge challenge, UserVerification uv, String name, Instant now) {
        ResponseJson json = ResponseJson.parse(credentialJson);
        RegistrationRequest request = new RegistrationRequest(json.responseBinary("attestationObject"),
                json.responseBinary("clientDataJSON"), json.clientExtensionsJson(), json.transports());
        ServerProperty server = ServerProperty.builder().origins(rp.webauthn4jOrigins()).rpId(rp.id()).challenge(challenge.webauthn4j()).build();
        RegistrationData data;
        try {
            data = manager.verify(request, new RegistrationParameters(server, KeyAlgorithms.PARAMETERS, uv.required(), true));
        } catch (RuntimeException e) {
            throw new WebAuthnException(WebAuthnError.of(e));
        }
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authData.getAttestedCredentialData();
        if (!Arrays.equals(attested.getCredentialId(), json.credentialId())) {
            throw new WebAuthnException(WebAuthnError.UNKNOWN_CREDENTIAL);
        }
        Set<String> transports = data.getTransports() == null ? Set.of()
                : data.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.toUnmodifiableSet());
        return new WebAuthnCredential(attested.getCredentialId(), coseKey(attested), authData.getSignCount(), transports,
                attested.getAaguid().getValue(), authData.isFlagUV(), authData.isFlagBE(), name, now, null);
    }

    /** The COSE_Key bytes: what follows the AAGUID, the id length and the id in attested credential data. */
    private byte[] coseKey(AttestedCredentialData attested) {
        byte[] all = attestedCredentialData.convert(attested);
        int offset = 16 + 2 + attested.getCredentialId().length;
        return Arrays.copyOfRange(all, offset, all.length);
    }
}
