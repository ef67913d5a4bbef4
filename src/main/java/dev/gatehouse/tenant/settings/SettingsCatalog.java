package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.OverlayConfig;
import dev.gatehouse.kernel.config.TenantSettable;
import dev.gatehouse.kernel.problem.ApiException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every key a tenant may set, as {@code <capability>.<name>} ({@code password.min-length}), gathered from the
 * capabilities' {@link TenantSettable} beans; checks a tenant's values by reading each capability's typed
 * configuration with them laid over the global configuration, which is exactly what start-up does with global
 * values. So a value a tenant may store is one the capability could have been started with.
 */
@ApplicationScoped
public class SettingsCatalog {

    /** Longest value a setting may have, in characters. */
    public static final int MAX_VALUE_LENGTH = 1000;
    private static final String PREFIX = "gatehouse.";

    private Config global;
    private Map<String, TenantSettable<?>> byCapability;
    private final Map<String, CapabilityConfig> globals = new ConcurrentHashMap<>();

    protected SettingsCatalog() {
    }

    @Inject
    public SettingsCatalog(Config global, @Any Instance<TenantSettable<?>> settables) {
        this(global, settables.stream().toList());
    }

    public SettingsCatalog(Config global, Collection<? extends TenantSettable<?>> settables) {
        this.global = global;
        Map<String, TenantSettable<?>> map = new HashMap<>();
        for (TenantSettable<?> s : settables) {
            if (map.put(s.capability(), s) != null) {
                throw new IllegalStateException("two tenant settings beans for capability " + s.capability());
            }
        }
        this.byCapability = Map.copyOf(map);
    }

    /** Every settable key with its global value (empty text when the key has none). */
    public SortedMap<String, String> globalValues() {
        SortedMap<String, String> values = new TreeMap<>();
        byCapability.values().forEach(s -> s.names().forEach(name -> {
            String key = s.capability() + "." + name;
            values.put(key, global.getOptionalValue(PREFIX + key, String.class).map(String::trim).orElse(""));
        }));
        return values;
    }

    /**
     * What is wrong with {@code values} as a tenant's whole set of settings; empty when they can be stored. Each
     * problem names its key: one a tenant cannot set, a value too long, a value its capability would refuse at
     * start-up. A value refused for its combination with another (a maximum below the minimum) names the key the
     * capability names, which may be one the tenant did not set.
     */
    public List<FieldError> check(Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        Map<TenantSettable<?>, Map<String, String>> grouped = new HashMap<>();
        for (String key : new TreeSet<>(values.keySet())) {
            String value = values.get(key);
            Optional<TenantSettable<?>> settable = settableFor(key);
            if (settable.isEmpty()) {
                errors.add(new FieldError(key, "is not a setting a tenant can set"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(key, "must be at most " + MAX_VALUE_LENGTH + " characters long"));
            } else {
                grouped.computeIfAbsent(settable.get(), s -> new HashMap<>()).put(nameOf(settable.get(), key), value);
            }
        }
        grouped.forEach((settable, names) -> errors.addAll(problems(settable, names)));
        errors.sort(Comparator.comparing(FieldError::field));
        return List.copyOf(errors);
    }

    /**
     * {@code settable}'s configuration with the tenant's {@code values} (all its settings, by key) over the global
     * configuration; the global configuration when the tenant set none of its keys.
     *
     * @throws InvalidConfigException when the stored values no longer fit (the global configuration changed since)
     */
    public <C extends CapabilityConfig> C effective(TenantSettable<C> settable, Map<String, String> values) {
        Map<String, String> names = new HashMap<>();
        String prefix = settable.capability() + ".";
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && settable.names().contains(key.substring(prefix.length()))) {
                names.put(key.substring(prefix.length()), value);
            }
        });
        return names.isEmpty() ? global(settable) : OverlayConfig.read(settable, global, names);
    }

    /** {@code settable}'s global configuration, read once. */
    @SuppressWarnings("unchecked")
    public <C extends CapabilityConfig> C global(TenantSettable<C> settable) {
        return (C) globals.computeIfAbsent(settable.capability(), c -> settable.read(global));
    }

    /**
     * Reads the capability with the values, dropping each refused one and reading again, so every refused key
     * is named (at most one read per value, plus one).
     */
    private List<FieldError> problems(TenantSettable<?> settable, Map<String, String> names) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> trial = new HashMap<>(names);
        for (int reads = 0; reads <= names.size(); reads++) {
            try {
                OverlayConfig.read(settable, global, trial);
                break;
            } catch (InvalidConfigException e) {
                String key = e.key().startsWith(PREFIX) ? e.key().substring(PREFIX.length()) : e.key();
                errors.add(new FieldError(key, e.problem()));
                String prefix = settable.capability() + ".";
                if (!key.startsWith(prefix) || trial.remove(key.substring(prefix.length())) == null) {
                    break;
                }
            }
        }
        return errors;
    }

    /** The capability that lets tenants set {@code key}; capability names may hold dots ({@code oauth2.client}). */
    private Optional<TenantSettable<?>> settableFor(String key) {
        return byCapability.values().stream()
                .filter(s -> key.startsWith(s.capability() + ".") && s.names().contains(nameOf(s, key)))
                .findFirst();
    }

    private static String nameOf(TenantSettable<?> settable, String key) {
        return key.substring(settable.capability().length() + 1);
    }
}
