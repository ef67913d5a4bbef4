package dev.gatehouse.credential.webauthn;

import com.webauthn4j.data.client.ClientDataType;
import org.junit.jupiter.api.Test;

import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.credential.webauthn.SoftwareAuthenticator.UP;
import static dev.gatehouse.credential.webauthn.SoftwareAuthenticator.UV;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and sign-in against a software authenticator, and each check that refuses a bad answer. */
class WebAuthnCeremonyTest {

    private static final String RP_ID = "example.org";
    private static final String ORIGIN = "https://login.example.org";
    private static final Instant ADDED = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant USED = ADDED.plusSeconds(600);

    private final SecureRandom random = new SecureRandom();
    private final RelyingParty rp = new RelyingParty(RP_ID, "Example", Set.of(ORIGIN));
    private final RegistrationVerifier registrations = new RegistrationVerifier(rp, AttestationPolicy.noneAccepted());
    private final AssertionVerifier assertions = new AssertionVerifier(rp);
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    private final byte[] userHandle = new byte[]{1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void registerWhenNoneAttestationThenCredentialWithKeyAndAaguid() {
        Challenge challenge = Challenge.generate(random);

        WebAuthnCredential c = registrations.verify(authenticator.register(RP_ID, ORIGIN, challenge, (byte) (UP | UV)),
                challenge, UserVerification.PREFERRED, "laptop", ADDED);

        assertArrayEquals(authenticator.credentialId(), c.id());
        assertEquals(new UUID(0, 0), c.aaguid());
        assertEquals(0, c.signCount());
        assertEquals(Set.of("internal"), c.transports());
        assertTrue(c.userVerified());
        assertEquals("laptop", c.name());
        assertEquals(ADDED, c.addedAt());
        assertEquals(null, c.lastUsedAt());
        assertTrue(c.publicKeyCose().length > 64, "an EC2 COSE key with x and y");
    }

    @Test
    void registerAndAuthenticateWhenRs256KeyThenAccepted() {
        SoftwareAuthenticator windowsHello = new SoftwareAuthenticator(SoftwareAuthenticator.KeyType.RS256);
        Challenge challenge = Challenge.generate(random);
        WebAuthnCredential stored = registrations.verify(windowsHello.register(RP_ID, ORIGIN, challenge, (byte) (UP | UV)),
                challenge, UserVerification.REQUIRED, "", ADDED);
        Challenge signIn = Challenge.generate(random);

        assertEquals(1, assertions.verify(windowsHello.authenticate(RP_ID, ORIGIN, signIn, (byte) (UP | UV), null),
                signIn, stored, userHandle, UserVerification.REQUIRED, USED).signCount());
    }

    @Test
    void registerWhenKeyAlgorithmNotOfferedThenAlgorithmNotAllowed() {
        SoftwareAuthenticator p384 = new SoftwareAuthenticator(SoftwareAuthenticator.KeyType.ES384);
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.ALGORITHM_NOT_ALLOWED, () -> registrations.verify(
                p384.register(RP_ID, ORIGIN, challenge, UP), challenge, UserVerification.DISCOURAGED, "", ADDED));
    }

    @Test
    void registerWhenOtherOriginThenOriginMismatch() {
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.ORIGIN_MISMATCH, () -> registrations.verify(
                authenticator.register(RP_ID, "https://evil.example.com", challenge, UP), challenge, UserVerification.DISCOURAGED, "", ADDED));
    }

    @Test
    void registerWhenOtherChallengeThenChallengeMismatch() {
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.CHALLENGE_MISMATCH, () -> registrations.verify(
                authenticator.register(RP_ID, ORIGIN, Challenge.generate(random), UP), challenge, UserVerification.DISCOURAGED, "", ADDED));
    }

    @Test
    void registerWhenSignedForOtherRpIdThenRpIdMismatch() {
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.RP_ID_MISMATCH, () -> registrations.verify(
                authenticator.register("evil.example.com", ORIGIN, challenge, UP), challenge, UserVerification.DISCOURAGED, "", ADDED));
    }

    @Test
    void registerWhenVerificationRequiredAndUvFlagMissingThenUserNotVerified() {
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.USER_NOT_VERIFIED, () -> registrations.verify(
                authenticator.register(RP_ID, ORIGIN, challenge, UP), challenge, UserVerification.REQUIRED, "", ADDED));
    }

    @Test
    void registerWhenTrustedAttestationRequiredThenNoneRefused() throws Exception {
        KeyStore empty = KeyStore.getInstance(KeyStore.getDefaultType());
        empty.load(null, null);
        RegistrationVerifier strict = new RegistrationVerifier(rp, AttestationPolicy.trustedRequired(empty));
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.UNTRUSTED_ATTESTATION, () -> strict.verify(
                authenticator.register(RP_ID, ORIGIN, challenge, (byte) (UP | UV)), challenge, UserVerification.PREFERRED, "", ADDED));
    }

    @Test
    void registerWhenNotJsonOrNotBase64urlThenMalformed() {
        Challenge challenge = Challenge.generate(random);

        for (String bad : new String[]{"", "{", "[]", "{\"type\":\"public-key\"}",
                "{\"type\":\"public-key\",\"id\":\"AA\",\"response\":{\"attestationObject\":\"!!\",\"clientDataJSON\":\"AA\"}}",
                "{\"type\":\"public-key\",\"id\":\"AA\",\"response\":{\"attestationObject\":\"AAAA\",\"clientDataJSON\":\"AAAA\"}}"}) {
            assertRefused(WebAuthnError.MALFORMED_RESPONSE, () -> registrations.verify(bad, challenge, UserVerification.DISCOURAGED, "", ADDED));
        }
    }

    @Test
    void authenticateWhenRegisteredKeyThenCounterAndLastUseUpdated() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        WebAuthnCredential updated = assertions.verify(authenticator.authenticate(RP_ID, ORIGIN, challenge, (byte) (UP | UV), null),
                challenge, stored, userHandle, UserVerification.REQUIRED, USED);

        assertEquals(1, updated.signCount());
        assertEquals(USED, updated.lastUsedAt());
        assertArrayEquals(stored.id(), updated.id());
    }

    @Test
    void authenticateWhenPasskeyAnswerCarriesTheIdentitysUserHandleThenAccepted() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);
        String answer = authenticator.authenticate(RP_ID, ORIGIN, challenge, (byte) (UP | UV), userHandle);

        assertArrayEquals(authenticator.credentialId(), AssertionVerifier.credentialId(answer));
        assertEquals(1, assertions.verify(answer, challenge, stored, userHandle, UserVerification.REQUIRED, USED).signCount());
    }

    @Test
    void authenticateWhenOtherUserHandleThenUserHandleMismatch() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.USER_HANDLE_MISMATCH, () -> assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, challenge, (byte) (UP | UV), new byte[]{9, 9}),
                challenge, stored, userHandle, UserVerification.REQUIRED, USED));
    }

    @Test
    void authenticateWhenOtherOriginThenOriginMismatch() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.ORIGIN_MISMATCH, () -> assertions.verify(
                authenticator.authenticate(RP_ID, "https://login.example.org.evil.test", challenge, UP, null),
                challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void authenticateWhenOtherChallengeThenChallengeMismatch() {
        WebAuthnCredential stored = registered();

        assertRefused(WebAuthnError.CHALLENGE_MISMATCH, () -> assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, Challenge.generate(random), UP, null),
                Challenge.generate(random), stored, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void authenticateWhenSignedForOtherRpIdThenRpIdMismatch() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.RP_ID_MISMATCH, () -> assertions.verify(
                authenticator.authenticate("login.example.org", ORIGIN, challenge, UP, null),
                challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void authenticateWhenCounterDoesNotIncreaseThenClonedAuthenticator() {
        WebAuthnCredential stored = registered().usedAt(USED, 5);
        Challenge challenge = Challenge.generate(random);

        for (long replayed : new long[]{5, 4}) {
            assertRefused(WebAuthnError.CLONED_AUTHENTICATOR, () -> assertions.verify(
                    authenticator.authenticate(RP_ID, ORIGIN, challenge, UP, null, replayed, ClientDataType.WEBAUTHN_GET),
                    challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
        }
    }

    @Test
    void authenticateWhenBothCountersZeroThenAccepted() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        WebAuthnCredential updated = assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, challenge, UP, null, 0, ClientDataType.WEBAUTHN_GET),
                challenge, stored, userHandle, UserVerification.DISCOURAGED, USED);

        assertEquals(0, updated.signCount());
    }

    @Test
    void authenticateWhenVerificationRequiredAndUvFlagMissingThenUserNotVerified() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.USER_NOT_VERIFIED, () -> assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, challenge, UP, null),
                challenge, stored, userHandle, UserVerification.REQUIRED, USED));
    }

    @Test
    void authenticateWhenUserNotPresentThenRefused() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.USER_NOT_PRESENT, () -> assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, challenge, (byte) 0, null),
                challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void authenticateWhenClientDataOfARegistrationThenWrongCeremony() {
        WebAuthnCredential stored = registered();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.WRONG_CEREMONY, () -> assertions.verify(
                authenticator.authenticate(RP_ID, ORIGIN, challenge, UP, null, 1, ClientDataType.WEBAUTHN_CREATE),
                challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void authenticateWhenKeyOfAnotherAuthenticatorThenBadSignatureOrUnknown() {
        WebAuthnCredential stored = registered();
        SoftwareAuthenticator other = new SoftwareAuthenticator();
        Challenge challenge = Challenge.generate(random);

        assertRefused(WebAuthnError.UNKNOWN_CREDENTIAL, () -> assertions.verify(
                other.authenticate(RP_ID, ORIGIN, challenge, UP, null), challenge, stored, userHandle, UserVerification.DISCOURAGED, USED));
        WebAuthnCredential sameIdOtherKey = new WebAuthnCredential(other.credentialId(), stored.publicKeyCose(), 0, Set.of(),
                stored.aaguid(), true, false, "", ADDED, null);
        assertRefused(WebAuthnError.BAD_SIGNATURE, () -> assertions.verify(
                other.authenticate(RP_ID, ORIGIN, challenge, UP, null), challenge, sameIdOtherKey, userHandle, UserVerification.DISCOURAGED, USED));
    }

    @Test
    void credentialWhenComparedThenByValueAndIdNeverShared() {
        WebAuthnCredential c = registered();
        byte[] id = c.id();
        Arrays.fill(id, (byte) 0);

        assertFalse(Arrays.equals(id, c.id()));
        assertEquals(c, c.named("laptop"));
        assertFalse(c.equals(c.named("phone")));
    }

    private WebAuthnCredential registered() {
        Challenge challenge = Challenge.generate(random);
        return registrations.verify(authenticator.register(RP_ID, ORIGIN, challenge, (byte) (UP | UV)),
                challenge, UserVerification.PREFERRED, "laptop", ADDED);
    }

    private static void assertRefused(WebAuthnError expected, Runnable ceremony) {
        assertEquals(expected, assertThrows(WebAuthnException.class, ceremony::run).error());
    }
}
