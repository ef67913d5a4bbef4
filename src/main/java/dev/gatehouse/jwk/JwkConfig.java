package dev.gatehouse.jwk;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code gatehouse.jwk.*}: the key-encryption key (a secret: environment or file, never the repo), the
 * algorithm of keys created on first use, and the rotation schedule.
 */
@ApplicationScoped
public class JwkConfig implements CapabilityConfig {

    private byte[] kek;
    private Path kekFile;
    private SigningAlgorithm defaultAlgorithm;
    private Duration rotationPeriod;
    private Duration retireAfter;
    private Duration rotationCheckInterval;
    private Duration cacheTtl;

    protected JwkConfig() {
    }

    @Inject
    public JwkConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        this.kek = r.optionalSecret("kek", 1).map(v -> decodeKek(r.key("kek"), v)).orElse(null);
        this.kekFile = r.optionalString("kek-file").map(Path::of).orElse(null);
        String alg = r.string("default-alg");
        this.defaultAlgorithm = SigningAlgorithm.parse(alg).orElseThrow(() ->
                new InvalidConfigException(r.key("default-alg"), alg, "must be RS256 or ES256"));
        this.rotationPeriod = r.duration("rotation-period");
        this.retireAfter = r.duration("retire-after");
        this.rotationCheckInterval = r.duration("rotation-check-interval");
        this.cacheTtl = r.duration("cache-ttl");
    }

    /** 32 bytes in standard or URL-safe base64; the value itself is never echoed. */
    static byte[] decodeKek(String key, String value) {
        byte[] bytes;
        try {
            bytes = value.contains("-") || value.contains("_")
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(key, null, "must be 32 bytes in base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new InvalidConfigException(key, null, "must be 32 bytes in base64 (e.g. openssl rand -base64 32), not "
                    + bytes.length + " bytes");
        }
        return bytes;
    }

    @Override
    public String capability() {
        return "jwk";
    }

    /** The configured KEK (32 bytes), if any; it wins over {@link #kekFile()}. */
    public Optional<byte[]> kek() {
        return Optional.ofNullable(kek).map(byte[]::clone);
    }

    /** A file holding the KEK in base64; created (with a warning) only when neither it nor a KEK is configured. */
    public Optional<Path> kekFile() {
        return Optional.ofNullable(kekFile);
    }

    public SigningAlgorithm defaultAlgorithm() {
        return defaultAlgorithm;
    }

    /** How long a key signs before the scheduled job replaces it. */
    public Duration rotationPeriod() {
        return rotationPeriod;
    }

    /** How long a replaced key keeps verifying (and stays in the JWKS) after it stopped signing. */
    public Duration retireAfter() {
        return retireAfter;
    }

    /** How often each node checks whether a key set is due for rotation. */
    public Duration rotationCheckInterval() {
        return rotationCheckInterval;
    }

    /** How long a node trusts its in-memory copy of a key set before reading it again. */
    public Duration cacheTtl() {
        return cacheTtl;
    }
}
