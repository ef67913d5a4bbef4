package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.net.IpRange;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Oathkeeper's {@code when} of an error handler's configuration:
 * <pre>when: [{error: [unauthorized], request: {cidr: [10.0.0.0/8], header: {accept: [text/html], content_type: [...]}}}]</pre>
 * The handler applies when any one entry matches (or {@code when} is absent or empty); within an entry every
 * given part must match: the error kind is listed; the client address is inside one of the CIDR ranges; the
 * request's {@code Accept} names one of the listed media types; its {@code Content-Type} is one of them.
 * Read once ({@link #of}) when the rule is loaded, after {@link #validate} refused what a rule may not hold.
 */
public final class WhenConditions {

    /** No {@code when}: every denial. */
    public static final WhenConditions ALWAYS = new WhenConditions(true, List.of());

    private final boolean always;
    private final List<Entry> entries;

    /** {@code cidrs}: empty when the entry names none; the ranges that parse when it does. */
    private record Entry(List<String> errors, Optional<List<IpRange>> cidrs, List<String> accept, List<String> contentTypes) {
    }

    private WhenConditions(boolean always, List<Entry> entries) {
        this.always = always;
        this.entries = List.copyOf(entries);
    }

    /**
     * The conditions of a handler's {@code config}. Parts of the wrong shape never match rather than fail (entries
     * that are not objects, lists that are not lists, CIDRs that do not parse), as for a fallback handler's global
     * config, which no rule check has seen.
     */
    public static WhenConditions of(JsonObject config) {
        JsonValue when = config.get("when");
        if (when == null || when.getValueType() != JsonValue.ValueType.ARRAY || when.asJsonArray().isEmpty()) {
            return ALWAYS;
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonValue entry : when.asJsonArray()) {
            if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                entries.add(entry(entry.asJsonObject()));
            }
        }
        return new WhenConditions(false, entries);
    }

    private static Entry entry(JsonObject entry) {
        JsonObject request = object(entry, "request");
        List<String> cidrs = strings(request, "cidr");
        List<IpRange> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            try {
                ranges.add(IpRange.parse(cidr));
            } catch (IllegalArgumentException e) {
                // matches no address
            }
        }
        JsonObject header = object(request, "header");
        return new Entry(strings(entry, "error"), cidrs.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(ranges)),
                strings(header, "accept").stream().map(WhenConditions::bare).toList(),
                strings(header, "content_type").stream().map(WhenConditions::bare).toList());
    }

    public boolean matches(GatewayException error, GatewayRequest request) {
        return always || entries.stream().anyMatch(e -> matches(e, error.kind(), request));
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

    private static boolean matches(Entry entry, ErrorKind kind, GatewayRequest request) {
        if (!entry.errors().isEmpty() && !entry.errors().contains(kind.wireName())) {
            return false;
        }
        if (entry.cidrs().isPresent() && entry.cidrs().get().stream().noneMatch(r -> r.contains(request.clientIp()))) {
            return false;
        }
        if (!entry.accept().isEmpty()) {
            List<String> offered = mediaTypes(request.header("Accept").orElse(""));
            if (entry.accept().stream().noneMatch(offered::contains)) {
                return false;
            }
        }
        if (!entry.contentTypes().isEmpty()) {
            String actual = bare(request.header("Content-Type").orElse(""));
            return entry.contentTypes().contains(actual);
        }
        return true;
    }

    private static List<String> mediaTypes(String header) {
        return Arrays.stream(header.split(",")).map(WhenConditions::bare).filter(s -> !s.isEmpty()).toList();
    }

    private static String bare(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static List<String> strings(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return ((JsonArray) v).stream().filter(x -> x instanceof JsonString).map(x -> ((JsonString) x).getString()).toList();
    }
}
