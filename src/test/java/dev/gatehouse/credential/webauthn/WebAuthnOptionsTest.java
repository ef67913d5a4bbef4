package dev.gatehouse.credential.webauthn;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebAuthnOptionsTest {

    private static final byte[] USER_HANDLE = {1, 2, 3, 4};
    private final RelyingParty rp = new RelyingParty("example.org", "Example", Set.of("https://login.example.org"));
    private final Challenge challenge = Challenge.generate(new SecureRandom());
    private final WebAuthnCredential existing = new WebAuthnCredential(new byte[]{7, 7, 7}, new byte[]{1}, 3,
            Set.of("usb", "nfc"), new UUID(0, 0), false, false, "key", Instant.EPOCH, null);

    @Test
    void creationOptionsWhenSecondFactorThenKratosShapeWithoutResidentKey() {
        JsonObject o = CreationOptions.secondFactor(rp, AttestationPolicy.noneAccepted(), USER_HANDLE, "alice@example.org", "Alice",
                challenge, UserVerification.DISCOURAGED, List.of(existing)).toJson();

        assertEquals("{\"publicKey\":{\"rp\":{\"id\":\"example.org\",\"name\":\"Example\"},"
                + "\"user\":{\"id\":\"AQIDBA\",\"name\":\"alice@example.org\",\"displayName\":\"Alice\"},"
                + "\"challenge\":\"" + challenge.base64url() + "\","
                + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-257},{\"type\":\"public-key\",\"alg\":-8}],"
                + "\"timeout\":300000,"
                + "\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\"BwcH\",\"transports\":[\"nfc\",\"usb\"]}],"
                + "\"authenticatorSelection\":{\"residentKey\":\"discouraged\",\"requireResidentKey\":false,\"userVerification\":\"discouraged\"},"
                + "\"attestation\":\"none\"}}", o.toString());
    }

    @Test
    void creationOptionsWhenPasskeyThenResidentKeyAndVerificationRequired() {
        JsonObject selection = CreationOptions.passkey(rp, AttestationPolicy.noneAccepted(), USER_HANDLE, "alice", null, challenge, List.of())
                .toJson().getJsonObject("publicKey").getJsonObject("authenticatorSelection");

        assertEquals("required", selection.getString("residentKey"));
        assertEquals(true, selection.getBoolean("requireResidentKey"));
        assertEquals("required", selection.getString("userVerification"));
    }

    @Test
    void creationOptionsWhenNoDisplayNameThenUserName() {
        JsonObject user = CreationOptions.passkey(rp, AttestationPolicy.noneAccepted(), USER_HANDLE, "alice", " ", challenge, List.of())
                .toJson().getJsonObject("publicKey").getJsonObject("user");

        assertEquals("alice", user.getString("displayName"));
    }

    @Test
    void creationOptionsWhenUserHandleEmptyOrOver64BytesThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> CreationOptions.passkey(rp, AttestationPolicy.noneAccepted(), new byte[0], "a", null, challenge, List.of()));
        assertThrows(IllegalArgumentException.class, () -> CreationOptions.passkey(rp, AttestationPolicy.noneAccepted(), new byte[65], "a", null, challenge, List.of()));
    }

    @Test
    void requestOptionsWhenSecondFactorThenCredentialsListed() {
        JsonObject o = RequestOptions.forCredentials(rp, challenge, List.of(existing), UserVerification.DISCOURAGED).toJson();

        assertEquals("{\"publicKey\":{\"challenge\":\"" + challenge.base64url() + "\",\"timeout\":300000,\"rpId\":\"example.org\","
                + "\"allowCredentials\":[{\"type\":\"public-key\",\"id\":\"BwcH\",\"transports\":[\"nfc\",\"usb\"]}],"
                + "\"userVerification\":\"discouraged\"}}", o.toString());
    }

    @Test
    void requestOptionsWhenPasskeyThenNoCredentialsAndVerificationRequired() {
        JsonObject o = RequestOptions.discoverable(rp, challenge).toJson().getJsonObject("publicKey");

        assertEquals(0, o.getJsonArray("allowCredentials").size());
        assertEquals("required", o.getString("userVerification"));
    }

    @Test
    void requestOptionsWhenIdentityHasNoCredentialThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.forCredentials(rp, challenge, List.of(), UserVerification.PREFERRED));
    }

    @Test
    void challengeWhenGeneratedThen32BytesBase64urlRoundTrip() {
        assertEquals(43, challenge.base64url().length());
        assertEquals(challenge, Challenge.parse(challenge.base64url()));
        assertThrows(IllegalArgumentException.class, () -> Challenge.parse("AAAA"));
    }

    @Test
    void relyingPartyWhenOriginOutsideRpIdOrInsecureThenRefused() {
        for (String origin : new String[]{"https://example.com", "http://login.example.org", "https://login.example.org/path",
                "https://notexample.org", "login.example.org"}) {
            assertThrows(IllegalArgumentException.class, () -> new RelyingParty("example.org", "Example", Set.of(origin)), origin);
        }
    }

    @Test
    void relyingPartyWhenLocalhostOverHttpOrSubdomainWithPortThenAccepted() {
        new RelyingParty("localhost", "Dev", Set.of("http://localhost:4455"));
        new RelyingParty("example.org", "Example", Set.of("https://example.org", "https://a.example.org:8443"));
    }

    @Test
    void relyingPartyWhenIdIsAUrlThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RelyingParty("https://example.org", "Example", Set.of("https://example.org")));
        assertThrows(IllegalArgumentException.class, () -> new RelyingParty("Example.org", "Example", Set.of("https://example.org")));
    }
}
