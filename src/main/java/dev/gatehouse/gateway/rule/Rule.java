package dev.gatehouse.gateway.rule;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One access rule in Oathkeeper's JSON shape:
 * <pre>{id, version, description, upstream{url, preserve_host, strip_path}, match{url, methods},
 *  authenticators[{handler, config}], authorizer{handler, config}, mutators[...], errors[...]}</pre>
 * {@link #parse} checks the structure; whether the handlers exist is the pipeline's check.
 */
public record Rule(String id, String version, String description, Upstream upstream, String matchUrl,
                   List<String> methods, List<HandlerRef> authenticators, HandlerRef authorizer,
                   List<HandlerRef> mutators, List<HandlerRef> errors) {

    static final int MAX_ID_LENGTH = 190;
    private static final Set<String> FIELDS = Set.of("id", "version", "description", "upstream", "match",
            "authenticators", "authorizer", "mutators", "errors");

    public Rule {
        Objects.requireNonNull(id, "id");
        methods = List.copyOf(methods);
        authenticators = List.copyOf(authenticators);
        mutators = List.copyOf(mutators);
        errors = List.copyOf(errors);
        upstream = upstream == null ? Upstream.NONE : upstream;
        version = version == null ? "" : version;
        description = description == null ? "" : description;
    }

    public static Rule parse(JsonObject o) {
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidRuleException(key, "is not a field of an access rule");
            }
        }
        String id = string(o, "id", true);
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidRuleException("id", "must be 1-" + MAX_ID_LENGTH + " characters");
        }
        try {
            JsonObject match = object(o, "match", true);
            String url = string(match, "url", true);
            if (url.isBlank()) {
                throw new InvalidRuleException("match.url", "is required");
            }
            List<String> methods = new ArrayList<>();
            for (JsonValue m : array(match, "methods")) {
                if (m.getValueType() != JsonValue.ValueType.STRING) {
                    throw new InvalidRuleException("match.methods", "must be an array of strings");
                }
                String method = ((jakarta.json.JsonString) m).getString().trim().toUpperCase(Locale.ROOT);
                if (!method.matches("[A-Z]{1,20}")) {
                    throw new InvalidRuleException("match.methods", "holds an invalid method");
                }
                methods.add(method);
            }
            JsonObject up = object(o, "upstream", false);
            Upstream upstream = up == null ? Upstream.NONE : new Upstream(string(up, "url", false),
                    up.getBoolean("preserve_host", false), string(up, "strip_path", false));
            List<HandlerRef> authenticators = handlers(o, "authenticators");
            if (authenticators.isEmpty()) {
                throw new InvalidRuleException("authenticators", "must name at least one handler");
            }
            JsonObject authorizer = object(o, "authorizer", true);
            List<HandlerRef> mutators = handlers(o, "mutators");
            if (mutators.isEmpty()) {
                throw new InvalidRuleException("mutators", "must name at least one handler");
            }
            return new Rule(id, string(o, "version", false), string(o, "description", false), upstream, url,
                    methods, authenticators, handler(authorizer, "authorizer"), mutators, handlers(o, "errors"));
        } catch (InvalidRuleException e) {
            throw e.within("rule " + id);
        } catch (ClassCastException e) {
            throw new InvalidRuleException("rule " + id, "has a field of the wrong type");
        }
    }

    public JsonObject toJson() {
        return JsonP.createObjectBuilder()
                .add("id", id)
                .add("version", version)
                .add("description", description)
                .add("upstream", upstream.toJson())
                .add("match", JsonP.createObjectBuilder().add("url", matchUrl).add("methods", strings(methods, s -> s)))
                .add("authenticators", strings(authenticators, HandlerRef::toJson))
                .add("authorizer", authorizer.toJson())
                .add("mutators", strings(mutators, HandlerRef::toJson))
                .add("errors", strings(errors, HandlerRef::toJson))
                .build();
    }

    private static <T> JsonArrayBuilder strings(List<T> items, Function<T, Object> json) {
        JsonArrayBuilder b = JsonP.createArrayBuilder();
        for (T item : items) {
            Object v = json.apply(item);
            if (v instanceof JsonValue jv) {
                b.add(jv);
            } else {
                b.add(v.toString());
            }
        }
        return b;
    }

    private static List<HandlerRef> handlers(JsonObject o, String field) {
        List<HandlerRef> out = new ArrayList<>();
        JsonArray items = array(o, field);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRuleException(field + "[" + i + "]", "must be an object");
            }
            out.add(handler(items.getJsonObject(i), field + "[" + i + "]"));
        }
        return out;
    }

    private static HandlerRef handler(JsonObject o, String field) {
        String name = string(o, "handler", false);
        if (name.isBlank()) {
            throw new InvalidRuleException(field + ".handler", "is required");
        }
        JsonObject config = object(o, "config", false);
        return new HandlerRef(name, config);
    }

    private static String string(JsonObject o, String field, boolean required) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new InvalidRuleException(field, "is required");
            }
            return "";
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRuleException(field, "must be a string");
        }
        return ((jakarta.json.JsonString) v).getString();
    }

    private static JsonObject object(JsonObject o, String field, boolean required) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new InvalidRuleException(field, "is required");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRuleException(field, "must be an object");
        }
        return v.asJsonObject();
    }

    private static JsonArray array(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRuleException(field, "must be an array");
        }
        return v.asJsonArray();
    }
}
