package dev.gatehouse.it.identity;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes as another system would have stored them, in PHC string format, to import.
 * Made here with BouncyCastle and the JDK, independently of Gatehouse's own hasher.
 */
public final class LegacyHashes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private LegacyHashes() {
    }

    private static byte[] salt() {
        byte[] s = new byte[16];
        RANDOM.nextBytes(s);
        return s;
    }

    public static String argon2(String password, int type, String name) {
        byte[] salt = salt();
        Argon2Parameters params = new Argon2Parameters.Builder(type).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(8192).withIterations(2).withParallelism(1).withSalt(salt).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] hash = new byte[32];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return "$" + name + "$v=19$m=8192,t=2,p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public static String argon2id(String password) {
        return argon2(password, Argon2Parameters.ARGON2_id, "argon2id");
    }

    public static String argon2i(String password) {
        return argon2(password, Argon2Parameters.ARGON2_i, "argon2i");
    }

    public static String bcrypt(String password) {
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt(), 6);
    }

    public static String pbkdf2(String password, String algorithm, String name) {
        try {
            byte[] salt = salt();
            int iterations = 10_000;
            SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm);
            byte[] hash = f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 32 * 8)).getEncoded();
            return "$" + name + "$i=" + iterations + ",l=32$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pbkdf2Sha256(String password) {
        return pbkdf2(password, "PBKDF2WithHmacSHA256", "pbkdf2-sha256");
    }

    public static String pbkdf2Sha512(String password) {
        return pbkdf2(password, "PBKDF2WithHmacSHA512", "pbkdf2-sha512");
    }
}
