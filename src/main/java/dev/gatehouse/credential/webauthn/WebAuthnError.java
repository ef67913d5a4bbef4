package dev.gatehouse.credential.webauthn;

import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadBackupEligibleFlagException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.CertificateException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.IllegalBackupStateException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.Map;

/**
 * Why a WebAuthn answer was refused. Stable names for the method to map onto its UI messages; the library's
 * exception texts never reach a person.
 */
public enum WebAuthnError {
    /** Not a well-formed credential: bad JSON, base64url, CBOR or COSE. */
    MALFORMED_RESPONSE,
    /** Client data of a registration given to a sign-in, or the other way round. */
    WRONG_CEREMONY,
    /** The client data carries another challenge than the flow's: stale or forged. */
    CHALLENGE_MISMATCH,
    /** The page that called WebAuthn is not one of the relying party's origins. */
    ORIGIN_MISMATCH,
    /** The authenticator signed for another relying party id. */
    RP_ID_MISMATCH,
    /** The user-present flag is not set. */
    USER_NOT_PRESENT,
    /** User verification was required and the UV flag is not set. */
    USER_NOT_VERIFIED,
    /** The key's algorithm is not ES256, RS256 or EdDSA. */
    ALGORITHM_NOT_ALLOWED,
    /** Attestation was required to chain to a trust anchor and does not (including {@code none}). */
    UNTRUSTED_ATTESTATION,
    /** The answer names a credential other than the one being checked. */
    UNKNOWN_CREDENTIAL,
    /** A passkey answer whose user handle is not the identity's. */
    USER_HANDLE_MISMATCH,
    /** The signature does not verify under the stored public key. */
    BAD_SIGNATURE,
    /** The signature counter did not increase: the key may have been copied to a second authenticator. */
    CLONED_AUTHENTICATOR,
    /** The backup-eligible flag changed, which an authenticator never does. */
    INCONSISTENT_FLAGS,
    /** Any other failed check. */
    INVALID;

    /**
     * The reason behind a webauthn4j refusal. Parsing failures surface as its conversion exception, as Jackson's
     * own (CBOR or JSON that is not even well-formed) or as an argument check on a missing member.
     */
    static WebAuthnError of(RuntimeException e) {
        for (Map.Entry<Class<? extends RuntimeException>, WebAuthnError> reason : REASONS) {
            if (reason.getKey().isInstance(e)) {
                return reason.getValue();
            }
        }
        return INVALID;
    }

    private static final List<Map.Entry<Class<? extends RuntimeException>, WebAuthnError>> REASONS = List.of(
            Map.entry(DataConversionException.class, MALFORMED_RESPONSE),
            Map.entry(JacksonException.class, MALFORMED_RESPONSE),
            Map.entry(IllegalArgumentException.class, MALFORMED_RESPONSE),
            Map.entry(InconsistentClientDataTypeException.class, WRONG_CEREMONY),
            Map.entry(BadChallengeException.class, CHALLENGE_MISMATCH),
            Map.entry(MissingChallengeException.class, CHALLENGE_MISMATCH),
            Map.entry(BadOriginException.class, ORIGIN_MISMATCH),
            Map.entry(CrossOriginException.class, ORIGIN_MISMATCH),
            Map.entry(BadRpIdException.class, RP_ID_MISMATCH),
            Map.entry(UserNotPresentException.class, USER_NOT_PRESENT),
            Map.entry(UserNotVerifiedException.class, USER_NOT_VERIFIED),
            Map.entry(NotAllowedAlgorithmException.class, ALGORITHM_NOT_ALLOWED),
            Map.entry(BadAttestationStatementException.class, UNTRUSTED_ATTESTATION),
            Map.entry(TrustAnchorNotFoundException.class, UNTRUSTED_ATTESTATION),
            Map.entry(CertificateException.class, UNTRUSTED_ATTESTATION),
            Map.entry(SelfAttestationProhibitedException.class, UNTRUSTED_ATTESTATION),
            Map.entry(NotAllowedCredentialIdException.class, UNKNOWN_CREDENTIAL),
            Map.entry(BadSignatureException.class, BAD_SIGNATURE),
            Map.entry(MaliciousCounterValueException.class, CLONED_AUTHENTICATOR),
            Map.entry(BadBackupEligibleFlagException.class, INCONSISTENT_FLAGS),
            Map.entry(IllegalBackupStateException.class, INCONSISTENT_FLAGS));
}
