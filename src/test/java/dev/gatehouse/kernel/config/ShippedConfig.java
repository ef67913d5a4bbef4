package dev.gatehouse.kernel.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The defaults of {@code META-INF/microprofile-config.properties}, as the server reads them, with overrides. */
public final class ShippedConfig {

    private ShippedConfig() {
    }

    /** Every shipped key whose name starts with {@code prefix}, as a mutable map. */
    public static Map<String, String> values(String prefix) {
        Properties properties = new Properties();
        try (InputStream in = ShippedConfig.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/microprofile-config.properties is not on the test class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** The shipped defaults, then {@code overrides} as pairs of full key and value. */
    public static MapConfig with(String... overrides) {
        Map<String, String> values = values("");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return new MapConfig(values);
    }
}
