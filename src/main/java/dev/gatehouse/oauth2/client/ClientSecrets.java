package dev.gatehouse.oauth2.client;

import dev.gatehouse.oauth2.port.SlowHash;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * How client secrets are kept and checked. A secret of at least {@value #FAST_HASH_MIN_LENGTH} characters (every
 * generated one: 256 bits) is stored as an HMAC, fast like every server-generated token; a shorter one, which an
 * administrator chose (Hydra allows 6 characters), as an argon2id PHC string ({@code $argon2id$...}) with the password
 * parameters, slow on purpose so that a copy of the database does not give it away to offline guessing. An HMAC is
 * hex, so the two forms never clash.
 *
 * <p>A check spends the work the <em>presented</em> secret's length calls for, whatever is stored: one argon2id hash
 * for a secret shorter than {@value #FAST_HASH_MIN_LENGTH} characters, one HMAC for a longer one, whether the client
 * exists, holds the other kind of hash or none. So response times tell neither which clients exist nor how their
 * secrets are kept, and the clients with generated secrets stay on the fast path. Argon2id is slow work: never call
 * {@link #hash} or {@link #matches} while holding a database connection.
 */
@ApplicationScoped
public class ClientSecrets {

    /** Secrets at least this long are stored as an HMAC, shorter ones with argon2id. */
    public static final int FAST_HASH_MIN_LENGTH = 32;
    /** What an HMAC is compared with when there is none, so the comparison still runs. */
    private static final String NO_HMAC = "0".repeat(64);

    private TokenHasher tokens;
    private SlowHash passwords;

    protected ClientSecrets() {
    }

    @Inject
    public ClientSecrets(TokenHasher tokens, SlowHash passwords) {
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** What to store for {@code secret}: its argon2id PHC string if it is short (slow), else its HMAC. */
    public String hash(String secret) {
        return slow(secret) ? passwords.hash(secret) : tokens.hash(secret);
    }

    /** Whether {@code presented} is the secret whose hash is {@code stored}; constant time, see the class comment. */
    public boolean matches(String presented, Optional<String> stored) {
        if (slow(presented)) {
            Optional<String> phc = stored.filter(ClientSecrets::isSlowHash);
            if (phc.isEmpty()) {
                passwords.burn(presented);
                return false;
            }
            return passwords.verify(presented, phc.get());
        }
        Optional<String> hmac = stored.filter(s -> !isSlowHash(s));
        return tokens.matches(presented, hmac.orElse(NO_HMAC)) && hmac.isPresent();
    }

    /** Whether a stored secret hash is the argon2id kind. */
    public static boolean isSlowHash(String stored) {
        return stored.startsWith("$");
    }

    private static boolean slow(String secret) {
        return secret.length() < FAST_HASH_MIN_LENGTH;
    }
}
