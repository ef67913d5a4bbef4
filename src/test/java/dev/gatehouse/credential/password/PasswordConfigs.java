package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.MapConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

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
        Properties properties = new Properties();
        try (InputStream in = PasswordConfigs.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/microprofile-config.properties is not on the test class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
