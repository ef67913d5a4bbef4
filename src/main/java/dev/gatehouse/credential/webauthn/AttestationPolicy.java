package dev.gatehouse.credential.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.anchor.KeyStoreTrustAnchorRepository;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;

import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

/**
 * What a registration must prove about the authenticator model
 * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-attestation">WebAuthn §6.5</a>). Most relying parties, Kratos
 * among them, accept any authenticator: the options ask for {@code none}, and a statement that comes anyway is
 * not trusted for anything. A relying party that admits only known models requires a statement that chains to one
 * of its trust anchors; {@code none} and self attestation are then refused.
 */
public sealed interface AttestationPolicy {

    /** Any authenticator; the default. */
    static AttestationPolicy noneAccepted() {
        return new NoneAccepted();
    }

    /** Only authenticators whose attestation chains to a certificate in {@code trustAnchors}. */
    static AttestationPolicy trustedRequired(KeyStore trustAnchors) {
        return new TrustedRequired(trustAnchors);
    }

    /** The {@code attestation} member of the creation options. */
    String conveyance();

    WebAuthnManager manager();

    record NoneAccepted() implements AttestationPolicy {
        @Override
        public String conveyance() {
            return "none";
        }

        @Override
        public WebAuthnManager manager() {
            return WebAuthnManager.createNonStrictWebAuthnManager();
        }
    }

    record TrustedRequired(KeyStore trustAnchors) implements AttestationPolicy {
        public TrustedRequired {
            Objects.requireNonNull(trustAnchors, "trustAnchors");
        }

        @Override
        public String conveyance() {
            return "direct";
        }

        @Override
        public WebAuthnManager manager() {
            return new WebAuthnManager(
                    List.of(new PackedAttestationStatementVerifier(), new FIDOU2FAttestationStatementVerifier(),
                            new AndroidKeyAttestationStatementVerifier(), new TPMAttestationStatementVerifier(),
                            new AppleAnonymousAttestationStatementVerifier()),
                    new DefaultCertPathTrustworthinessVerifier(new KeyStoreTrustAnchorRepository(trustAnchors)),
                    new DefaultSelfAttestationTrustworthinessVerifier(false));
        }
    }
}
