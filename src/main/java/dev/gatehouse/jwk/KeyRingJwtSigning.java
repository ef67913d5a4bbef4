package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@link JwtSigning} over the current tenant's key sets in the {@link KeyRing}. Counts each key's signatures and
 * verifications ({@link KeyMetrics}), and reports a token that names a retired key.
 */
@ApplicationScoped
public class KeyRingJwtSigning implements JwtSigning {

    /** The sets whose keys the JWKS always shows, created on first look so relying parties find a key early. */
    private static final List<KeySetName> PUBLISHED = List.of(KeySetName.ID_TOKEN, KeySetName.ACCESS_TOKEN);

    private KeyRing ring;
    private CurrentTenant tenant;
    private Clock clock;
    private KeyMetrics metrics;

    protected KeyRingJwtSigning() {
    }

    @Inject
    public KeyRingJwtSigning(KeyRing ring, CurrentTenant tenant, Clock clock, KeyMetrics metrics) {
        this.ring = ring;
        this.tenant = tenant;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Refuses to run inside a transaction: a signature (and a first key) is slow work no connection waits for. */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public String sign(KeySetName set, JWTClaimsSet claims, JOSEObjectType type) {
        SigningKey key = ring.signer(tenant.id(), set);
        JWSHeader header = new JWSHeader.Builder(key.alg().jws()).keyID(key.kid()).type(type).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(ring.jwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " failed", e);
        }
        metrics.used(key, KeyMetrics.Use.SIGN);
        return jwt.serialize();
    }

    @Override
    public Optional<JWTClaimsSet> verify(KeySetName set, String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        Optional<String> kid = JwsVerification.kid(jwt);
        List<SigningKey> keys = ring.verifying(tenant.id(), set, kid);
        Optional<JWTClaimsSet> claims = JwsVerification.verify(jwt, keys, clock.instant());
        if (claims.isPresent()) {
            keys.stream().filter(k -> kid.isPresent() && k.kid().equals(kid.get())).findFirst()
                    .ifPresent(k -> metrics.used(k, KeyMetrics.Use.VERIFY));
        } else if (kid.isPresent()) {
            ring.reportIfRetired(tenant.id(), set, kid.get(), jwt);
        }
        return claims;
    }

    @Override
    public JWKSet publicKeys() {
        PUBLISHED.forEach(set -> ring.signer(tenant.id(), set));
        List<JWK> keys = ring.verifying(tenant.id()).stream().map(SigningKey::publicJwk).toList();
        return new JWKSet(keys);
    }
}
