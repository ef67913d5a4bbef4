package dev.gatehouse.audit.search;

import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a saved search is: its {@link SearchNames name}, a description and an owner, the query (exactly the parameters
 * {@code /admin/audit/events} takes: filters, {@code from}/{@code to} or a relative {@code since=now-24h}, {@code q},
 * {@code sort}, {@code page_size}), the fields of each row to show (all when empty) and the log API it runs against
 * ({@code base_url}; empty: this server's own audit API).
 *
 * <p>{@link #parse} reads the compact JSON form that {@link #toJson} writes, which is also what the API takes, exports
 * and imports; the query is checked by the same code as {@code /admin/audit/events}, so a bad filter is the same 400
 * naming the same parameter.
 */
public record SavedSearch(String name, String description, String owner, Map<String, List<String>> query,
                          List<String> fields, Optional<String> baseUrl) {

    /** The fields of a row of {@code /admin/audit/events} that {@code fields} may name. */
    public static final List<String> FIELDS = List.of("id", "time", "recorded_at", "event_type", "action", "resource",
            "actor", "subject", "client_id", "result", "verification", "device", "ip", "request_id", "trace_id",
            "details", "hash");
    /** The keys of the compact form. */
    public static final Set<String> KEYS = Set.of("name", "description", "owner", "query", "fields", "base_url");
    /** Query parameters given when a search is run, never saved with it. */
    static final Set<String> RUN_ONLY = Set.of("cursor", "include", "format");
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_OWNER = 256;
    private static final int MAX_URL = 2048;
    private static final int MAX_VALUES = 50;

    public SavedSearch {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        query = java.util.Collections.unmodifiableMap(copy);
        fields = List.copyOf(fields);
    }

    /**
     * Reads and checks a search; anything wrong is a 400 naming its field ({@code name}, {@code base_url}, or the
     * query parameter as {@code /admin/audit/events} names it).
     *
     * @param ignored keys of the body that are not part of the definition and are let through (e.g. the
     *                {@code id} and {@code version} of a search read back, or an update's {@code reason})
     * @param now     anchors a relative window while checking it
     */
    public static SavedSearch parse(JsonObject json, Set<String> ignored, Instant now) {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key) && !ignored.contains(key)) {
                throw AuditQueries.refused(key, "is not a field of a saved search; fields: " + KEYS.stream().sorted().toList());
            }
        }
        String name = SearchNames.check(text(json, "name", SearchNames.MAX_LENGTH).orElse(null));
        String description = text(json, "description", MAX_DESCRIPTION).orElse("");
        String owner = text(json, "owner", MAX_OWNER).orElse("");
        Map<String, List<String>> query = query(json.get("query"));
        AuditQueries.parse(query, now);
        List<String> fields = fields(json.get("fields"));
        Optional<String> baseUrl = text(json, "base_url", MAX_URL).filter(s -> !s.isEmpty()).map(SavedSearch::url);
        return new SavedSearch(name, description, owner, query, fields, baseUrl);
    }

    /** The filter this search asks for, run at {@code now}, with the run's {@code cursor} and {@code page_size}. */
    public AuditFilter filter(Map<String, List<String>> run, Instant now) {
        Map<String, List<String>> params = new LinkedHashMap<>(query);
        run.forEach(params::put);
        return AuditQueries.parse(params, now);
    }

    /** The compact form: what export answers and import takes. */
    public JsonObject toJson() {
        JsonObjectBuilder q = JsonP.createObjectBuilder();
        query.forEach((k, v) -> {
            if (v.size() == 1) {
                q.add(k, v.get(0));
            } else {
                JsonArrayBuilder a = JsonP.createArrayBuilder();
                v.forEach(a::add);
                q.add(k, a);
            }
        });
        JsonArrayBuilder f = JsonP.createArrayBuilder();
        fields.forEach(f::add);
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("name", name).add("description", description)
                .add("owner", owner).add("query", q).add("fields", f);
        baseUrl.ifPresent(u -> b.add("base_url", u));
        return b.build();
    }

    public SavedSearch named(String other) {
        return new SavedSearch(SearchNames.check(other), description, owner, query, fields, baseUrl);
    }

    private static Optional<String> text(JsonObject json, String key, int max) {
        JsonValue v = json.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            throw AuditQueries.refused(key, "must be a string");
        }
        if (s.getString().length() > max) {
            throw AuditQueries.refused(key, "must be at most " + max + " characters");
        }
        return Optional.of(s.getString());
    }

    private static Map<String, List<String>> query(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (!(v instanceof JsonObject o)) {
            throw AuditQueries.refused("query", "must be an object of /admin/audit/events parameters");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            if (RUN_ONLY.contains(key)) {
                throw AuditQueries.refused(key, "is given when the search is run, not saved with it");
            }
            List<String> values = new ArrayList<>();
            if (e.getValue() instanceof jakarta.json.JsonArray a) {
                if (a.isEmpty() || a.size() > MAX_VALUES) {
                    throw AuditQueries.refused(key, "must list 1 to " + MAX_VALUES + " values");
                }
                a.forEach(item -> values.add(scalar(key, item)));
            } else {
                values.add(scalar(key, e.getValue()));
            }
            params.put(key, values);
        }
        return params;
    }

    private static String scalar(String key, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw AuditQueries.refused(key, "must be a string or a list of strings");
    }

    private static List<String> fields(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof jakarta.json.JsonArray a) || a.size() > FIELDS.size()) {
            throw AuditQueries.refused("fields", "must be a list of row fields: " + FIELDS);
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a) {
            if (!(item instanceof JsonString s) || !FIELDS.contains(s.getString())) {
                throw AuditQueries.refused("fields", "must be a list of row fields: " + FIELDS);
            }
            if (!out.contains(s.getString())) {
                out.add(s.getString());
            }
        }
        return out;
    }

    private static String url(String v) {
        try {
            URI u = new URI(v);
            if (u.isAbsolute() && (u.getScheme().equals("http") || u.getScheme().equals("https")) && u.getHost() != null
                    && u.getUserInfo() == null && u.getFragment() == null) {
                return v;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw AuditQueries.refused("base_url", "must be an absolute http(s) URL without credentials");
    }
}
