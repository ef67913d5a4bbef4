package dev.gatehouse.oauth2.port;

/**
 * The slow, salted hash (argon2id with the password parameters) for secrets a person chose, such as a short client
 * secret. Slow work: never call it while holding a database connection.
 */
public interface SlowHash {

    /** The PHC string ({@code $argon2id$...}) to store for {@code secret}. */
    String hash(String secret);

    /** Whether {@code secret} matches the stored PHC string. */
    boolean verify(String secret, String encodedHash);

    /** Spends the work of one {@link #verify}, for a check that has nothing to compare with. */
    void burn(String secret);
}
