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
 * {@code gatehouse.jwk.*}: the key-encryption key (a secret: environment or file, never the repo, or an AES key in a
 * PKCS#11 token), where new signing keys are made (sealed in the database or inside a PKCS#11 token), the algorithm
 * of keys created on first use, and the rotation schedule.
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
    private SigningKeyStore signingKeyStore;
    private String kekPkcs11Label;
    private Pkcs11 pkcs11;

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
        this.signingKeyStore = r.oneOf("signing-key-store", SigningKeyStore.class);
        this.kekPkcs11Label = r.optionalString("kek-pkcs11-label").orElse(null);
        Optional<String> library = r.optionalString("pkcs11.library");
        Optional<Long> slot = r.optionalString("pkcs11.slot").map(v -> parseSlot(r.key("pkcs11.slot"), v));
        int slotListIndex = r.intInRange("pkcs11.slot-list-index", 0, 1_000);
        String pin = r.optionalSecret("pkcs11.pin", 1).orElse(null);
        Path pinFile = r.optionalString("pkcs11.pin-file").map(Path::of).orElse(null);
        if (library.isPresent()) {
            this.pkcs11 = new Pkcs11(Path.of(library.get()), slot, slotListIndex, pin, pinFile);
            if (pin == null && pinFile == null) {
                throw new InvalidConfigException(r.key("pkcs11.pin"), null,
                        "a PIN is required with gatehouse.jwk.pkcs11.library (or gatehouse.jwk.pkcs11.pin-file)");
            }
        }
        if (pkcs11 == null && signingKeyStore == SigningKeyStore.PKCS11) {
            throw new InvalidConfigException(r.key("signing-key-store"), "pkcs11",
                    "needs the token's library in gatehouse.jwk.pkcs11.library");
        }
        if (pkcs11 == null && kekPkcs11Label != null) {
            throw new InvalidConfigException(r.key("kek-pkcs11-label"), kekPkcs11Label,
                    "needs the token's library in gatehouse.jwk.pkcs11.library");
        }
    }

    private static long parseSlot(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key, value, "must be a slot id (a number, as pkcs11-tool -L or softhsm2-util --show-slots print it)");
        }
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

    /** Where new signing keys are generated and kept. */
    public SigningKeyStore signingKeyStore() {
        return signingKeyStore;
    }

    /** The label of the AES key in the PKCS#11 token that serves as KEK, if the KEK lives there; it wins over the others. */
    public Optional<String> kekPkcs11Label() {
        return Optional.ofNullable(kekPkcs11Label);
    }

    /** The PKCS#11 token, if one is configured. */
    public Optional<Pkcs11> pkcs11() {
        return Optional.ofNullable(pkcs11);
    }

    /** Where a new signing key's private half is kept. */
    public enum SigningKeyStore {
        /** Sealed under the KEK in the key's database row. */
        DATABASE,
        /** Generated inside the PKCS#11 token, marked sensitive and not extractable; the row names it. */
        PKCS11
    }

    /**
     * A PKCS#11 token reached through the JDK's SunPKCS11 provider: its module (the vendor's {@code .so}), the slot
     * (by id, or by its position in the list of slots with a token) and the user PIN (a secret, or a file holding it).
     */
    public record Pkcs11(Path library, Optional<Long> slot, int slotListIndex, String pin, Path pinFile) {

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", slot=" + slot + ", slotListIndex=" + slotListIndex + "]";
        }
    }
}
