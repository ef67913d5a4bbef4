package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.kernel.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

/** Signing keys and tokens built outside the server, for verification tests. */
final class TestKeys {

    static final KeyEncryptionKey KEK = new KeyEncryptionKey(random32());
    static final TenantId TENANT = new TenantId("acme");

    private TestKeys() {
    }

    static byte[] random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** A generated key pair: the stored key (public JWK, sealed private) and the private JWK for signing. */
    record Pair(SigningKey stored, JWK privateJwk) {
        Pair retiringAt(Instant at) {
            SigningKey k = stored;
            return new Pair(new SigningKey(k.tenant(), k.set(), k.kid(), k.alg(), k.publicJwk(), k.privatePart(),
                    k.createdAt(), k.activatedAt(), at), privateJwk);
        }
    }

    static Pair pair(SigningAlgorithm alg, String kid) {
        JWK jwk = alg.generate(kid);
        Instant now = Instant.now();
        KeyEncryptionKey.Sealed sealed = KEK.seal(jwk.toJSONString().getBytes(StandardCharsets.UTF_8),
                SigningKey.associatedData(TENANT, KeySetName.ACCESS_TOKEN, kid));
        return new Pair(new SigningKey(TENANT, KeySetName.ACCESS_TOKEN, kid, alg, jwk.toPublicJWK(), sealed, now, now, null), jwk);
    }

    static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("https://issuer.example").subject("admin-client")
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build();
    }

    static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String sign(Pair pair, JWTClaimsSet claims) {
        try {
            return sign(pair.stored().alg().jws(), pair.stored().kid(), pair.stored().alg().signer(pair.privateJwk()), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
