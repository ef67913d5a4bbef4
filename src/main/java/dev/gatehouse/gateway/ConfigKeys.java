package dev.gatehouse.gateway;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration keys one handler accepts, so a misspelt key ({@code required_scop}) refuses the rule
 * instead of being silently dropped, as Oathkeeper's per-handler JSON schemas
 * ({@code additionalProperties: false}) do.
 * <p>
 * Keys are dotted paths: {@code cache.ttl} makes {@code cache} an object whose own keys are checked too;
 * a key with no dotted children ({@code headers}) takes any object. {@code ignored} keys are ones Oathkeeper
 * defines that we accept and deliberately do not act on (tuning knobs such as {@code retry}); anything
 * below an ignored key is accepted as well. docs/gateway.md lists them per handler.
 */
public record ConfigKeys(Set<String> known, Set<String> ignored) {

    public static final ConfigKeys NONE = new ConfigKeys(Set.of(), Set.of());

    public ConfigKeys {
        known = Set.copyOf(known);
        ignored = Set.copyOf(ignored);
    }

    public static ConfigKeys of(String... keys) {
        return new ConfigKeys(Set.of(keys), Set.of());
    }

    /** These keys plus {@code more}. */
    public ConfigKeys and(ConfigKeys more) {
        return new ConfigKeys(union(known, more.known), union(ignored, more.ignored));
    }

    /** The same keys, also accepting (and ignoring) {@code keys}. */
    public ConfigKeys ignoring(String... keys) {
        return new ConfigKeys(known, union(ignored, Set.of(keys)));
    }

    /** @throws IllegalArgumentException naming the first key neither known nor ignored */
    public void check(JsonObject config) {
        check(config, "");
    }

    private void check(JsonObject config, String prefix) {
        for (var e : config.entrySet()) {
            String path = prefix + e.getKey();
            if (ignored.contains(path)) {
                continue;
            }
            boolean hasChildren = known.stream().anyMatch(k -> k.startsWith(path + "."));
            if (!known.contains(path) && !hasChildren) {
                throw new IllegalArgumentException("unknown config key \"" + path + "\" (known: "
                        + String.join(", ", names()) + ")");
            }
            if (hasChildren && e.getValue().getValueType() == JsonValue.ValueType.OBJECT) {
                check(e.getValue().asJsonObject(), path + ".");
            }
        }
    }

    /** Every key a config may hold, sorted. */
    public Set<String> names() {
        return union(known, ignored);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
