package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * {@code gatehouse.password.*}: the Argon2id parameters new password hashes get, and the password policy.
 * The defaults (in {@code microprofile-config.properties}) are above the OWASP Password Storage Cheat
 * Sheet's minimum for Argon2id; the bounds here only keep values that {@link PhcHash} would refuse to
 * verify, so tests can run with tiny parameters.
 */
@ApplicationScoped
public class PasswordConfig implements CapabilityConfig {

    /** Longest password any policy may allow, in code points. */
    public static final int MAX_PASSWORD_LENGTH = 4096;

    private int argon2MemoryKib;
    private int argon2Iterations;
    private int argon2Parallelism;
    private int minLength;
    private int maxLength;
    private boolean identifierSimilarity;
    private boolean breachedCheck;

    protected PasswordConfig() {
    }

    @Inject
    public PasswordConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.argon2Parallelism = r.intInRange("argon2.parallelism", 1, PhcHash.Argon2.MAX_PARALLELISM);
        this.argon2MemoryKib = r.intInRange("argon2.memory-kib", 1, PhcHash.Argon2.MAX_MEMORY_KIB);
        if (argon2MemoryKib < 8 * argon2Parallelism) {
            throw new InvalidConfigException(r.key("argon2.memory-kib"), Integer.toString(argon2MemoryKib),
                    "must be at least 8 KiB per lane (8 × argon2.parallelism)");
        }
        this.argon2Iterations = r.intInRange("argon2.iterations", 1, PhcHash.Argon2.MAX_ITERATIONS);
        this.minLength = r.intInRange("min-length", 1, MAX_PASSWORD_LENGTH);
        this.maxLength = r.intInRange("max-length", minLength, MAX_PASSWORD_LENGTH);
        this.identifierSimilarity = r.bool("identifier-similarity");
        this.breachedCheck = r.bool("breached-check");
    }

    @Override
    public String capability() {
        return "password";
    }

    /** Argon2id memory per hash, in KiB. */
    public int argon2MemoryKib() {
        return argon2MemoryKib;
    }

    /** Argon2id passes over the memory. */
    public int argon2Iterations() {
        return argon2Iterations;
    }

    /** Argon2id lanes. */
    public int argon2Parallelism() {
        return argon2Parallelism;
    }

    /** Shortest acceptable password, in code points. */
    public int minLength() {
        return minLength;
    }

    /** Longest acceptable password, in code points; at least {@link #minLength()}. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether passwords too similar to the identity's identifiers are refused. */
    public boolean identifierSimilarity() {
        return identifierSimilarity;
    }

    /** Whether passwords on the list of common (breached) passwords are refused. */
    public boolean breachedCheck() {
        return breachedCheck;
    }
}
