package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Config} that answers some keys from a map and every other key from a base configuration: how a
 * tenant's settings are laid over the global configuration before a {@link TenantSettable} reads them. Overlaid
 * values are strings, as in {@code microprofile-config.properties}; {@link ConfigReader} reads nothing else.
 */
public final class OverlayConfig implements Config {

    private final Config base;
    private final Map<String, String> overrides;

    /** @param overrides values by full key ({@code gatehouse.password.min-length}) */
    public OverlayConfig(Config base, Map<String, String> overrides) {
        this.base = base;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * {@code settable}'s configuration with {@code values} (by name within the capability, {@code "min-length"})
     * over {@code base}.
     *
     * @throws InvalidConfigException naming the first key whose value (or combination of values) cannot be used
     */
    public static <C extends CapabilityConfig> C read(TenantSettable<C> settable, Config base, Map<String, String> values) {
        Map<String, String> full = new HashMap<>();
        values.forEach((name, value) -> full.put("gatehouse." + settable.capability() + "." + name, value));
        return settable.read(new OverlayConfig(base, full));
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        if (overrides.containsKey(name)) {
            throw new UnsupportedOperationException("an overlaid value has no config source: " + name);
        }
        return base.getConfigValue(name);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String value = overrides.get(name);
        if (value == null) {
            return base.getOptionalValue(name, type);
        }
        if (type == String.class) {
            return Optional.of(type.cast(value));
        }
        Converter<T> converter = base.getConverter(type)
                .orElseThrow(() -> new IllegalArgumentException("no converter for " + type.getName()));
        return Optional.ofNullable(converter.convert(value));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>(overrides.keySet());
        base.getPropertyNames().forEach(names::add);
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return base.getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return base.getConverter(forType);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return base.unwrap(type);
    }
}
