package dev.gatehouse.jwk;

import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored key of a set: its public JWK in clear, its private half sealed under the KEK or held in a PKCS#11
 * token ({@link PrivatePart}). It signs while
 * {@code retireAt} is null (the newest such key is the set's signing key); once replaced it carries a
 * retirement time and only verifies until then.
 */
public record SigningKey(TenantId tenant, KeySetName set, String kid, SigningAlgorithm alg, JWK publicJwk,
                         PrivatePart privatePart, Instant createdAt, Instant activatedAt, Instant retireAt) {

    public SigningKey {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(set);
        Objects.requireNonNull(kid);
        Objects.requireNonNull(alg);
        Objects.requireNonNull(privatePart);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(activatedAt);
        if (publicJwk.isPrivate()) {
            throw new IllegalArgumentException("the public JWK of a key must not hold private parts");
        }
    }

    /** Whether the key may still be used to sign: it has not been replaced. */
    public boolean signs() {
        return retireAt == null;
    }

    /** Whether a signature by this key is still accepted (and the key still published) at {@code now}. */
    public boolean verifiesAt(Instant now) {
        return retireAt == null || retireAt.isAfter(now);
    }

    /** What the private JWK's ciphertext is bound to: a ciphertext moved to another row does not decrypt. */
    public static String associatedData(TenantId tenant, KeySetName set, String kid) {
        return "gatehouse-jwk\u0000" + tenant.value() + "\u0000" + set.value() + "\u0000" + kid;
    }

    public String associatedData() {
        return associatedData(tenant, set, kid);
    }
}
