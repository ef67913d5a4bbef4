package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a compact JWS against a set's keys (RFC 7515 §5.2, with the algorithm checks of RFC 8725 §3.1):
 * the header must name one of our asymmetric algorithms and the {@code kid} of a key of the set that is not
 * retired, and that key's own algorithm; the algorithm is never taken from the token alone. So {@code none},
 * every HMAC algorithm (including "HS256 keyed with our public key"), unknown and retired keys and an
 * algorithm swapped under a known {@code kid} all fail. Claims are not checked here.
 */
public final class JwsVerification {

    private JwsVerification() {
    }

    public static Optional<JWTClaimsSet> verify(String jwt, List<SigningKey> keys, Instant now) {
        if (jwt == null || jwt.isEmpty()) {
            return Optional.empty();
        }
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWSHeader header = signed.getHeader();
            Optional<SigningAlgorithm> alg = SigningAlgorithm.of(header.getAlgorithm());
            String kid = header.getKeyID();
            if (alg.isEmpty() || kid == null) {
                return Optional.empty();
            }
            Optional<SigningKey> key = keys.stream()
                    .filter(k -> k.kid().equals(kid) && k.verifiesAt(now) && k.alg() == alg.get())
                    .findFirst();
            if (key.isEmpty() || !signed.verify(key.get().alg().verifier(key.get().publicJwk()))) {
                return Optional.empty();
            }
            return Optional.of(signed.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code jwt} carries a valid signature by {@code key}, whatever the key's retirement time and the token's
     * lifetime: the proof that a presented token really was signed by a key, not just that its header names it.
     */
    public static boolean signedBy(String jwt, SigningKey key) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            return key.kid().equals(signed.getHeader().getKeyID())
                    && SigningAlgorithm.of(signed.getHeader().getAlgorithm()).filter(a -> a == key.alg()).isPresent()
                    && signed.verify(key.alg().verifier(key.publicJwk()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }

    /** The {@code kid} in the header of a JWS, if it parses as one; HMAC and {@code none} headers count as none. */
    public static Optional<String> kid(String jwt) {
        try {
            JWSHeader header = SignedJWT.parse(jwt).getHeader();
            return JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())
                    ? Optional.empty() : Optional.ofNullable(header.getKeyID());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
