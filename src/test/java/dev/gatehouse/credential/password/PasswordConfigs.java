package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.ShippedConfig;

import java.util.Map;

/** {@link PasswordConfig} fixtures: the shipped defaults, or tiny Argon2 parameters so tests take milliseconds. */
public final class PasswordConfigs {

    private static final String PREFIX = "gatehouse.password.";

    private PasswordConfigs() {
    }

    /** The defaults of {@code META-INF/microprofile-config.properties}, as the server reads them. */
    public static PasswordConfig defaults() {
        return new PasswordConfig(new MapConfig(shipped()));
    }

    /**
     * The defaults with Argon2id at m=64 KiB, t=1, p=1, then {@code overrides}: pairs of key (without
     * {@code gatehouse.password.}) and value, e.g. {@code fast("min-length", "6")}.
     */
    public static PasswordConfig fast(String... overrides) {
        Map<String, String> values = shipped();
        values.put(PREFIX + "argon2.memory-kib", "64");
        values.put(PREFIX + "argon2.iterations", "1");
        values.put(PREFIX + "argon2.parallelism", "1");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(PREFIX + overrides[i], overrides[i + 1]);
        }
        return new PasswordConfig(new MapConfig(values));
    }

    private static Map<String, String> shipped() {
        return ShippedConfig.values(PREFIX);
    }
}
