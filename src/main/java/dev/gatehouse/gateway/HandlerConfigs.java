package dev.gatehouse.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reading handler configurations: a rule's config merged over the global one, and typed look-ups. */
public final class HandlerConfigs {

    private HandlerConfigs() {
    }

    /** Deep merge: objects merge key by key, anything else in {@code override} replaces {@code base}. */
    public static JsonObject merge(JsonObject base, JsonObject override) {
        if (base.isEmpty()) {
            return override;
        }
        JsonObjectBuilder b = Json.createObjectBuilder(base);
        override.forEach((k, v) -> {
            JsonValue old = base.get(k);
            if (old != null && old.getValueType() == JsonValue.ValueType.OBJECT && v.getValueType() == JsonValue.ValueType.OBJECT) {
                b.add(k, merge(old.asJsonObject(), v.asJsonObject()));
            } else {
                b.add(k, v);
            }
        });
        return b.build();
    }

    public static Optional<String> string(JsonObject config, String key) {
        JsonValue v = config.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return s.getString().isEmpty() ? Optional.empty() : Optional.of(s.getString());
    }

    /**
     * An optional absolute {@code http(s)} URL; {@code name} is how errors call it (e.g. {@code api.url}).
     */
    public static Optional<URI> httpUrl(JsonObject config, String key, String name) {
        return string(config, key).map(u -> {
            URI uri = URI.create(u);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
            }
            return uri;
        });
    }

    public static List<String> strings(JsonObject config, String key) {
        JsonValue v = config.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a) || a.stream().anyMatch(x -> !(x instanceof JsonString))) {
            throw new IllegalArgumentException(key + " must be an array of strings");
        }
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    public static JsonObject object(JsonObject config, String key) {
        JsonValue v = config.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException(key + " must be an object");
        }
        return v.asJsonObject();
    }

    public static int integer(JsonObject config, String key, int fallback) {
        JsonValue v = config.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return n.intValue();
    }

    /** A Go-style duration string such as {@code 10s} or {@code 500ms}. */
    public static Optional<Duration> duration(JsonObject config, String key) {
        return string(config, key).map(s -> dev.gatehouse.kernel.config.ConfigReader.parseDuration(s)
                .orElseThrow(() -> new IllegalArgumentException(key + " must be a duration such as 10s")));
    }

    /** The value at a dotted path ({@code identity.metadata_public.roles}); {@code @this} is the whole value. */
    public static JsonValue path(JsonValue root, String path) {
        if (path == null || path.isEmpty() || path.equals("@this")) {
            return root;
        }
        JsonValue v = root;
        for (String part : path.split("\\.")) {
            if (v instanceof JsonObject o && o.containsKey(part)) {
                v = o.get(part);
            } else if (v instanceof JsonArray a && part.matches("\\d{1,4}") && Integer.parseInt(part) < a.size()) {
                v = a.get(Integer.parseInt(part));
            } else {
                return JsonValue.NULL;
            }
        }
        return v;
    }
}
