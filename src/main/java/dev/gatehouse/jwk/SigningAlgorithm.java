package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.PrivateKey;
import java.security.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms Gatehouse keys use: asymmetric only. HMAC and {@code none} are not members, so
 * nothing can create, sign or verify with them.
 */
public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 over a 2048-bit key (RFC 7518 §3.3). */
    RS256(JWSAlgorithm.RS256),
    /** ECDSA over P-256 with SHA-256 (RFC 7518 §3.4). */
    ES256(JWSAlgorithm.ES256);

    private static final int RSA_BITS = 2048;

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** Exact, case-sensitive names as in JOSE ({@code "RS256"}); anything else is empty. */
    public static Optional<SigningAlgorithm> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public static Optional<SigningAlgorithm> of(JWSAlgorithm alg) {
        return Arrays.stream(values()).filter(a -> a.jws.equals(alg)).findFirst();
    }

    /** A new key pair with {@code kid}, {@code use=sig} and {@code alg} set. */
    public JWK generate(String kid) {
        try {
            return switch (this) {
                case RS256 -> new RSAKeyGenerator(RSA_BITS).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + name() + " key", e);
        }
    }

    JWSSigner signer(JWK privateKey) throws JOSEException {
        return switch (this) {
            case RS256 -> new RSASSASigner(privateKey.toRSAKey());
            case ES256 -> new ECDSASigner(privateKey.toECKey());
        };
    }

    /** A signer over a key handle of {@code provider} (a PKCS#11 token's), which signs inside the token. */
    JWSSigner signer(PrivateKey key, Provider provider) throws JOSEException {
        JWSSigner signer = switch (this) {
            case RS256 -> new RSASSASigner(key);
            case ES256 -> new ECDSASigner(key, Curve.P_256);
        };
        signer.getJCAContext().setProvider(provider);
        return signer;
    }

    JWSVerifier verifier(JWK publicKey) throws JOSEException {
        return switch (this) {
            case RS256 -> new RSASSAVerifier(publicKey.toRSAKey());
            case ES256 -> new ECDSAVerifier(publicKey.toECKey());
        };
    }
}
