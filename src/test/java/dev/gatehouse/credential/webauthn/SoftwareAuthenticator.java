package dev.gatehouse.credential.webauthn;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;

/**
 * An authenticator in the test JVM: a key pair from the JDK (EC P-256 unless another {@link KeyType} is asked
 * for), authenticator data and a {@code none} attestation object built with webauthn4j's own data classes and
 * converters, assertions signed with the JDK's {@link Signature}. Answers are the {@code PublicKeyCredential} JSON a browser would post. Each test makes its own;
 * the integration tests use it too, as the authenticator behind an app that drives the API flows.
 */
public final class SoftwareAuthenticator {

    public static final byte UP = AuthenticatorData.BIT_UP;
    public static final byte UV = AuthenticatorData.BIT_UV;
    private static final byte AT = AuthenticatorData.BIT_AT;

    /** The key the authenticator makes: the JDK generates it, webauthn4j writes it as a COSE key. */
    enum KeyType {
        ES256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
        ES384("EC", new ECGenParameterSpec("secp384r1"), "SHA384withECDSA"),
        RS256("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA");

        private final String jdkAlgorithm;
        private final AlgorithmParameterSpec spec;
        private final String signature;

        KeyType(String jdkAlgorithm, AlgorithmParameterSpec spec, String signature) {
            this.jdkAlgorithm = jdkAlgorithm;
            this.spec = spec;
            this.signature = signature;
        }

        COSEKey cose(KeyPair pair) {
            return switch (this) {
                case ES256 -> EC2COSEKey.create((ECPublicKey) pair.getPublic(), COSEAlgorithmIdentifier.ES256);
                case ES384 -> EC2COSEKey.create((ECPublicKey) pair.getPublic(), COSEAlgorithmIdentifier.ES384);
                case RS256 -> RSACOSEKey.create((RSAPublicKey) pair.getPublic(), COSEAlgorithmIdentifier.RS256);
            };
        }
    }

    private final ObjectConverter converter = new ObjectConverter();
    private final KeyType keyType;
    private final KeyPair keyPair;
    private final byte[] credentialId = new byte[32];
    private long counter;

    /** An ES256 (P-256) authenticator, what nearly every real one is. */
    public SoftwareAuthenticator() {
        this(KeyType.ES256);
    }

    SoftwareAuthenticator(KeyType keyType) {
        this.keyType = keyType;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(keyType.jdkAlgorithm);
            g.initialize(keyType.spec);
            keyPair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    /** The answer to {@code navigator.credentials.create} for {@code rpId}, from a page at {@code origin}. */
    public String register(String rpId, String origin, Challenge challenge, byte flags) {
        byte[] clientData = clientData(ClientDataType.WEBAUTHN_CREATE, origin, challenge);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId, keyType.cose(keyPair));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData =
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (flags | AT), counter, attested);
        byte[] attestationObject = new AttestationObjectConverter(converter)
                .convertToBytes(new AttestationObject(authData, new NoneAttestationStatement()));
        return credential(Json.createObjectBuilder()
                .add("attestationObject", b64(attestationObject))
                .add("clientDataJSON", b64(clientData))
                .add("transports", Json.createArrayBuilder().add("internal")));
    }

    /** The answer to {@code navigator.credentials.get}, with the counter one above the last answer's. */
    public String authenticate(String rpId, String origin, Challenge challenge, byte flags, byte[] userHandle) {
        return authenticate(rpId, origin, challenge, flags, userHandle, ++counter, ClientDataType.WEBAUTHN_GET);
    }

    /** The same with a chosen counter and client data type, for answers a faithful authenticator never gives. */
    public String authenticate(String rpId, String origin, Challenge challenge, byte flags, byte[] userHandle, long signCount, ClientDataType type) {
        byte[] clientData = clientData(type, origin, challenge);
        AuthenticatorData<AuthenticationExtensionAuthenticatorOutput> authData =
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, signCount);
        byte[] authDataBytes = new AuthenticatorDataConverter(converter).convert(authData);
        byte[] signature = sign(ByteBuffer.allocate(authDataBytes.length + 32).put(authDataBytes).put(sha256(clientData)).array());
        JsonObjectBuilder response = Json.createObjectBuilder()
                .add("authenticatorData", b64(authDataBytes))
                .add("clientDataJSON", b64(clientData))
                .add("signature", b64(signature));
        if (userHandle != null) {
            response.add("userHandle", b64(userHandle));
        }
        return credential(response);
    }

    private String credential(JsonObjectBuilder response) {
        return Json.createObjectBuilder()
                .add("id", b64(credentialId))
                .add("rawId", b64(credentialId))
                .add("type", "public-key")
                .add("response", response)
                .add("clientExtensionResults", Json.createObjectBuilder())
                .build().toString();
    }

    private byte[] clientData(ClientDataType type, String origin, Challenge challenge) {
        CollectedClientData data = new CollectedClientData(type,
                new DefaultChallenge(Base64.getUrlDecoder().decode(challenge.base64url())), new Origin(origin), null);
        return new CollectedClientDataConverter(converter).convertToBytes(data);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(keyType.signature);
            s.initSign(keyPair.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
