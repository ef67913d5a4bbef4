package dev.gatehouse.jwk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attacks on JWS verification that RFC 8725 §2 lists, each against a set that would accept the honest token. */
class JwsVerificationTest {

    private static final TestKeys.Pair RSA = TestKeys.pair(SigningAlgorithm.RS256, "rsa-1");
    private static final TestKeys.Pair EC = TestKeys.pair(SigningAlgorithm.ES256, "ec-1");
    private static final List<SigningKey> SET = List.of(RSA.stored(), EC.stored());

    @Test
    void verifyWhenSignedByKeyOfSetThenClaims() {
        assertEquals("admin-client", JwsVerification.verify(TestKeys.sign(RSA, TestKeys.claims()), SET, Instant.now())
                .orElseThrow().getSubject());
        assertEquals("admin-client", JwsVerification.verify(TestKeys.sign(EC, TestKeys.claims()), SET, Instant.now())
                .orElseThrow().getSubject());
    }

    @Test
    void verifyWhenAlgNoneThenRefused() {
        String unsigned = new PlainJWT(TestKeys.claims()).serialize();
        // also with our kid in the header, as an attacker would send it
        String withKid = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8))
                + "." + TestKeys.claims().toPayload().toBase64URL() + ".";

        assertTrue(JwsVerification.verify(unsigned, SET, Instant.now()).isEmpty());
        assertTrue(JwsVerification.verify(withKid, SET, Instant.now()).isEmpty());
        assertTrue(JwsVerification.kid(withKid).isEmpty());
    }

    @Test
    void verifyWhenHs256KeyedWithOurPublicKeyThenRefused() throws Exception {
        // the classic confusion: the public key (known to all) used as an HMAC secret, header naming our kid
        byte[] publicKeyBytes = RSA.stored().publicJwk().toRSAKey().toRSAPublicKey().getEncoded();
        String forged = TestKeys.sign(JWSAlgorithm.HS256, "rsa-1", new MACSigner(publicKeyBytes), TestKeys.claims());
        byte[] jwkJson = RSA.stored().publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
        String forgedWithJwkText = TestKeys.sign(JWSAlgorithm.HS256, "rsa-1", new MACSigner(jwkJson), TestKeys.claims());

        assertTrue(JwsVerification.verify(forged, SET, Instant.now()).isEmpty());
        assertTrue(JwsVerification.verify(forgedWithJwkText, SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenUnknownKidThenRefused() {
        TestKeys.Pair stranger = TestKeys.pair(SigningAlgorithm.RS256, "stranger");

        assertTrue(JwsVerification.verify(TestKeys.sign(stranger, TestKeys.claims()), SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenNoKidThenRefused() throws Exception {
        String noKid = TestKeys.sign(JWSAlgorithm.RS256, null, new RSASSASigner(RSA.privateJwk().toRSAKey()), TestKeys.claims());

        assertTrue(JwsVerification.verify(noKid, SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenOurKidButAnotherKeysSignatureThenRefused() {
        TestKeys.Pair impostor = TestKeys.pair(SigningAlgorithm.RS256, "rsa-1");

        assertTrue(JwsVerification.verify(TestKeys.sign(impostor, TestKeys.claims()), SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenAlgorithmSwappedUnderKnownKidThenRefused() throws Exception {
        // PS256 with our RSA key's kid: a valid RSA signature, but not the algorithm the key is for
        String ps256 = TestKeys.sign(JWSAlgorithm.PS256, "rsa-1", new RSASSASigner(RSA.privateJwk().toRSAKey()), TestKeys.claims());
        // ES256 header with the RSA kid
        String es256UnderRsaKid = TestKeys.sign(JWSAlgorithm.ES256, "rsa-1",
                new com.nimbusds.jose.crypto.ECDSASigner(EC.privateJwk().toECKey()), TestKeys.claims());

        assertTrue(JwsVerification.verify(ps256, SET, Instant.now()).isEmpty());
        assertTrue(JwsVerification.verify(es256UnderRsaKid, SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenKeyRetiredThenRefusedButBeforeRetirementAccepted() {
        Instant now = Instant.now();
        String token = TestKeys.sign(RSA, TestKeys.claims());

        assertTrue(JwsVerification.verify(token, List.of(RSA.retiringAt(now.plusSeconds(60)).stored()), now).isPresent());
        assertTrue(JwsVerification.verify(token, List.of(RSA.retiringAt(now).stored()), now).isEmpty());
        assertTrue(JwsVerification.verify(token, List.of(RSA.retiringAt(now.minusSeconds(1)).stored()), now).isEmpty());
    }

    @Test
    void verifyWhenPayloadAlteredThenRefused() {
        String[] parts = TestKeys.sign(RSA, TestKeys.claims()).split("\\.");
        String otherPayload = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("someone-else").build().toPayload().toBase64URL().toString();

        assertTrue(JwsVerification.verify(parts[0] + "." + otherPayload + "." + parts[2], SET, Instant.now()).isEmpty());
    }

    @Test
    void verifyWhenGarbageThenEmptyNotException() {
        for (String garbage : new String[] {"", "a.b.c", "not a jwt", "....", "eyJhbGciOiJSUzI1NiJ9..", null}) {
            assertTrue(JwsVerification.verify(garbage, SET, Instant.now()).isEmpty(), String.valueOf(garbage));
        }
    }
}
