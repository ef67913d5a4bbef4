package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Optional;

/**
 * Signing and verifying JWTs with the current tenant's keys. The only way other capabilities touch keys.
 * Keys of a set are created on first use (RS256 unless configured otherwise), so callers never see an empty set.
 */
public interface JwtSigning {

    /**
     * Signs {@code claims} with the set's current signing key; the header carries {@code kid}, {@code alg} and
     * {@code typ} (e.g. {@code JWT}, {@code at+jwt}, {@code logout+jwt}). Slow work: call it outside any transaction.
     */
    String sign(KeySetName set, JWTClaimsSet claims, JOSEObjectType type);

    /**
     * Verifies the signature of {@code jwt} against the keys of {@code set} that are not retired, by {@code kid}.
     * Refuses {@code alg: none}, HMAC algorithms and unknown {@code kid}s. Does not check claims (expiry,
     * issuer, audience): the caller knows which apply.
     *
     * @return the claims, or empty if the token is malformed or its signature does not verify
     */
    Optional<JWTClaimsSet> verify(KeySetName set, String jwt);

    /** The public keys of every set of the current tenant that still verify: what {@code /.well-known/jwks.json} shows. */
    JWKSet publicKeys();
}
