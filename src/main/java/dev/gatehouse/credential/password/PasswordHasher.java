package dev.gatehouse.credential.password;

import dev.gatehouse.credential.password.PhcHash.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes new passwords with Argon2id (<a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>) and
 * verifies stored hashes in every format {@link PhcHash} parses, so identities imported with bcrypt or
 * PBKDF2 hashes can sign in and be upgraded ({@link #needsRehash}) on their next login. Slow on purpose, so
 * hashing and verifying refuse to run inside a transaction: no database connection waits for a hash.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int DIGEST_BYTES = 32;

    private PasswordConfig config;
    private SecureRandom random;
    /** A hash of a random password under the current parameters, for {@link #burn}. */
    private String dummyHash;

    protected PasswordHasher() {
    }

    @Inject
    public PasswordHasher(PasswordConfig config) {
        this.config = config;
        this.random = new SecureRandom();
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(unguessable));
    }

    /**
     * A new Argon2id hash of {@code password} (UTF-8) with a random 16-byte salt and a 32-byte digest, as the
     * PHC string {@code $argon2id$v=19$m=<kib>,t=<iterations>,p=<lanes>$<salt>$<hash>} that Ory Kratos and
     * the reference {@code argon2} tool write.
     */
    @Transactional(Transactional.TxType.NEVER)
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Argon2.compute(Argon2.Type.ARGON2ID, config.argon2MemoryKib(), config.argon2Iterations(),
                config.argon2Parallelism(), salt, DIGEST_BYTES, password).encode();
    }

    /**
     * Whether {@code password} matches {@code encodedHash} (Argon2id/i/d, bcrypt 2a/2b/2y, PBKDF2-SHA-256/512).
     *
     * @throws InvalidPasswordHashException if the hash cannot be parsed; a stored hash never should
     */
    @Transactional(Transactional.TxType.NEVER)
    public boolean verify(String password, String encodedHash) {
        return PhcHash.parse(encodedHash).matches(password);
    }

    /**
     * Whether a hash that just verified should be replaced by {@link #hash} of the same password: true
     * unless it is Argon2id with exactly the current parameters, salt and digest sizes.
     *
     * @throws InvalidPasswordHashException if the hash cannot be parsed
     */
    public boolean needsRehash(String encodedHash) {
        return !(PhcHash.parse(encodedHash) instanceof Argon2 a
                && a.type() == Argon2.Type.ARGON2ID
                && a.memoryKib() == config.argon2MemoryKib()
                && a.iterations() == config.argon2Iterations()
                && a.parallelism() == config.argon2Parallelism()
                && a.salt().length == SALT_BYTES
                && a.digest().length == DIGEST_BYTES);
    }

    /**
     * Spends the time of verifying {@code password} against a current Argon2id hash, and discards the result:
     * a login for an unknown identifier calls it so that it costs as long as a wrong password, and response
     * times do not tell which identifiers exist.
     */
    @Transactional(Transactional.TxType.NEVER)
    public void burn(String password) {
        verify(password, dummyHash);
    }

    /** Whether {@link #verify} can handle {@code encodedHash}: for validating imported identities. */
    public static boolean isSupported(String encodedHash) {
        try {
            PhcHash.parse(encodedHash);
            return true;
        } catch (InvalidPasswordHashException unsupported) {
            // The answer to the question asked, not a failure: the caller reports the identity it belongs to.
            return false;
        }
    }
}
