package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A MicroProfile {@link Config} over a map of strings, for testing config beans without a server. It remembers
 * every key asked for ({@link #asked()}), which is how the configuration reference learns what the code reads.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values;
    private final Set<String> asked = new TreeSet<>();

    public MapConfig(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    public static MapConfig of(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new MapConfig(m);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new IllegalStateException("not used by Gatehouse");
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        asked.add(name);
        String value = values.get(name);
        if (type == String.class || value == null) {
            return Optional.ofNullable(type.cast(value));
        }
        if (type == Integer.class) {
            return value.isBlank() ? Optional.empty() : Optional.of(type.cast(Integer.valueOf(value.trim())));
        }
        throw new IllegalArgumentException("only strings and integers");
    }

    /** The keys asked for so far, sorted. */
    public Set<String> asked() {
        return Set.copyOf(asked);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }
}
