package dev.gatehouse.jwk;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key-encryption key (KEK): AES-256-GCM over private keys at rest (NIST SP 800-38D), a fresh random
 * 96-bit IV per encryption and caller-given associated data, so a ciphertext copied to another key's row
 * does not decrypt. Its {@link #id()} (a digest of the key, which reveals nothing about it) is stored
 * beside each ciphertext, so that a wrong KEK is reported as such instead of as a corrupt key. The key is either
 * bytes from configuration or an AES key inside a PKCS#11 token, which encrypts and decrypts there and never leaves
 * it; such a key's id is a digest of its label instead (its bytes cannot be read).
 */
public final class KeyEncryptionKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String id;
    /** The token's provider for a key held in a PKCS#11 token; null for a key from configuration. */
    private final Provider provider;

    public KeyEncryptionKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a key-encryption key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.id = idOf("gatehouse-kek-id:", key);
        this.provider = null;
    }

    private KeyEncryptionKey(SecretKey key, String id, Provider provider) {
        this.key = key;
        this.id = id;
        this.provider = provider;
    }

    /** The AES key labelled {@code label} in a PKCS#11 token, used through the token's {@code provider}. */
    public static KeyEncryptionKey inToken(SecretKey key, String label, Provider provider) {
        return new KeyEncryptionKey(key, idOf("gatehouse-kek-pkcs11:" + label + ":", checkValue(key, provider)), provider);
    }

    /**
     * The key's check value, computed inside the token (AES of a zero block): the id then tells two keys under one
     * label apart (another token, a re-initialised one), as a key given as bytes is told apart by its bytes.
     */
    private static byte[] checkValue(SecretKey key, Provider provider) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", provider);
            ecb.init(Cipher.ENCRYPT_MODE, key);
            return ecb.doFinal(new byte[16]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#11 token cannot compute the key-encryption key's check value", e);
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    /** 16 hex digits of SHA-256 over a label and the key (or, for a key in a token, over its label and check value). */
    public String id() {
        return id;
    }

    public Sealed seal(byte[] plaintext, String associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return new Sealed(Base64.getEncoder().encodeToString(ciphertext), Base64.getEncoder().encodeToString(iv), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced with the same associated data.
     *
     * @throws UnreadableKeyException when the ciphertext was sealed under another KEK, or was altered or moved
     */
    public byte[] open(Sealed sealed, String associatedData) {
        if (!id.equals(sealed.kekId())) {
            throw new UnreadableKeyException("it was encrypted under the key-encryption key " + sealed.kekId()
                    + " but the configured one (gatehouse.jwk.kek / kek-file / kek-pkcs11-label) is " + id);
        }
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(sealed.iv())));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext()));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new UnreadableKeyException("its ciphertext does not authenticate (altered, moved to another key's row,"
                    + " or a different key-encryption key with the same id)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static String idOf(String domain, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(domain.getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(key);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A ciphertext (base64), its IV (base64) and the id of the KEK it was sealed under. */
    public record Sealed(String ciphertext, String iv, String kekId) implements PrivatePart {
    }

    /** A stored private key that this node cannot decrypt; the message names no secret. */
    public static final class UnreadableKeyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnreadableKeyException(String why) {
            super("A stored signing key cannot be decrypted: " + why, null);
        }
    }
}
