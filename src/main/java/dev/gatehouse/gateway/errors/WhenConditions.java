package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.net.IpRange;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * Oathkeeper's {@code when} of an error handler's configuration:
 * <pre>when: [{error: [unauthorized], request: {cidr: [10.0.0.0/8], header: {accept: [text/html], content_type: [...]}}}]</pre>
 * The handler applies when any one entry matches (or {@code when} is absent or empty); within an entry every
 * given part must match: the error kind is listed; the client address is inside one of the CIDR ranges; the
 * request's {@code Accept} names one of the listed media types; its {@code Content-Type} is one of them.
 */
public final class WhenConditions {

    private WhenConditions() {
    }

    public static boolean matches(JsonObject config, GatewayException error, GatewayRequest request) {
        JsonValue when = config.get("when");
        if (when == null || when.getValueType() != JsonValue.ValueType.ARRAY || when.asJsonArray().isEmpty()) {
            return true;
        }
        for (JsonValue entry : when.asJsonArray()) {
            if (entry.getValueType() == JsonValue.ValueType.OBJECT && entryMatches(entry.asJsonObject(), error.kind(), request)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link IllegalArgumentException} for an unknown error name or a bad CIDR. */
    public static void validate(JsonObject config) {
        JsonValue when = config.get("when");
        if (when == null || when.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (when.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("when must be an array");
        }
        for (JsonValue entry : when.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("when entries must be objects");
            }
            for (String e : strings(entry.asJsonObject(), "error")) {
                ErrorKind.ofWireName(e).orElseThrow(() -> new IllegalArgumentException("unknown error " + e));
            }
            JsonObject request = object(entry.asJsonObject(), "request");
            for (String cidr : strings(request, "cidr")) {
                IpRange.parse(cidr);
            }
        }
    }

    private static boolean entryMatches(JsonObject entry, ErrorKind kind, GatewayRequest request) {
        List<String> errors = strings(entry, "error");
        if (!errors.isEmpty() && !errors.contains(kind.wireName())) {
            return false;
        }
        JsonObject req = object(entry, "request");
        List<String> cidrs = strings(req, "cidr");
        if (!cidrs.isEmpty() && cidrs.stream().noneMatch(c -> inCidr(request.clientIp(), c))) {
            return false;
        }
        JsonObject header = object(req, "header");
        List<String> accept = strings(header, "accept");
        if (!accept.isEmpty()) {
            List<String> offered = mediaTypes(request.header("Accept").orElse(""));
            if (accept.stream().map(WhenConditions::bare).noneMatch(offered::contains)) {
                return false;
            }
        }
        List<String> contentType = strings(header, "content_type");
        if (!contentType.isEmpty()) {
            String actual = bare(request.header("Content-Type").orElse(""));
            return contentType.stream().map(WhenConditions::bare).anyMatch(actual::equals);
        }
        return true;
    }

    private static List<String> mediaTypes(String header) {
        return java.util.Arrays.stream(header.split(",")).map(WhenConditions::bare).filter(s -> !s.isEmpty()).toList();
    }

    private static String bare(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            return IpRange.parse(cidr).contains(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }

    static List<String> strings(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return ((JsonArray) v).stream().filter(x -> x instanceof JsonString).map(x -> ((JsonString) x).getString()).toList();
    }
}
