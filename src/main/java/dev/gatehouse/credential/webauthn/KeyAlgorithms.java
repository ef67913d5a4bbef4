package dev.gatehouse.credential.webauthn;

import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

import java.util.List;

/**
 * The credential key algorithms offered and accepted, in order of preference: ES256 (what nearly every
 * authenticator makes), RS256 (Windows Hello) and EdDSA.
 */
final class KeyAlgorithms {

    static final List<COSEAlgorithmIdentifier> OFFERED = List.of(
            COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.RS256, COSEAlgorithmIdentifier.EdDSA);

    static final List<PublicKeyCredentialParameters> PARAMETERS = OFFERED.stream()
            .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
            .toList();

    private KeyAlgorithms() {
    }
}
