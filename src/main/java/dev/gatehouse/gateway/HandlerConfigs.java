package dev.gatehouse.gateway;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading handler configurations when a rule is loaded: a rule's config merged over the global one, and the typed
 * look-ups each handler's config record parses it with (an {@link IllegalArgumentException} names the key).
 */
public final class HandlerConfigs {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
    /** Headers the JDK HTTP client refuses to take from us: it sets them itself. */
    private static final List<String> SET_BY_CLIENT = List.of("Host", "Connection", "Content-Length", "Expect", "Upgrade");

    private HandlerConfigs() {
    }

    /** Deep merge: objects merge key by key, anything else in {@code override} replaces {@code base}. */
    public static JsonObject merge(JsonObject base, JsonObject override) {
        if (base.isEmpty()) {
            return override;
        }
        JsonObjectBuilder b = JsonP.createObjectBuilder(base);
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

    /**
     * A map of header names to fixed values ({@code additional_headers}): names must be HTTP tokens the JDK
     * client lets us set (not {@code Host}, {@code Content-Length} and the like), values one line of text.
     */
    public static Map<String, String> headers(JsonObject config, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object(config, key).entrySet()) {
            headerName(key, e.getKey());
            if (!(e.getValue() instanceof JsonString v) || v.getString().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " must be a string on one line");
            }
            out.put(e.getKey(), v.getString());
        }
        return Collections.unmodifiableMap(out);
    }

    /** A list of header names ({@code forward_http_headers}), each one {@link #headers} would accept. */
    public static List<String> headerNames(JsonObject config, String key) {
        List<String> names = strings(config, key);
        names.forEach(n -> headerName(key, n));
        return names;
    }

    private static void headerName(String key, String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(key + ": \"" + name + "\" is not an HTTP header name");
        }
        if (SET_BY_CLIENT.stream().anyMatch(name::equalsIgnoreCase)) {
            throw new IllegalArgumentException(key + ": the header \"" + name + "\" cannot be set by a handler");
        }
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

    public static boolean bool(JsonObject config, String key, boolean fallback) {
        JsonValue v = config.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return v.getValueType() == JsonValue.ValueType.TRUE;
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
