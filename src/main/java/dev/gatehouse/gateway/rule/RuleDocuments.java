package dev.gatehouse.gateway.rule;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.BoundedJson;
import dev.gatehouse.kernel.json.MalformedJsonException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a rule document: a JSON or YAML array of rules (a single rule object is accepted too), or a jsonnet
 * program that evaluates to one ({@link JsonnetDocuments}), chosen by the file name's extension ({@code .json},
 * {@code .yaml}/{@code .yml}, {@code .jsonnet}). YAML is read with the safe
 * constructor (no custom types) and bounded aliases and size.
 */
public final class RuleDocuments {

    public static final int MAX_DOCUMENT_CHARS = 1 << 20;

    /** The document formats rule files may use. */
    public enum Format {
        JSON, YAML, JSONNET;

        public static Format ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".json")) {
                return JSON;
            }
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return YAML;
            }
            if (n.endsWith(".jsonnet")) {
                return JSONNET;
            }
            throw new InvalidRuleException(name, "has an extension that is not .json, .yaml, .yml or .jsonnet");
        }

        public static Format ofMediaType(String type) {
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (t.contains("jsonnet")) {
                return JSONNET;
            }
            return t.contains("yaml") ? YAML : JSON;
        }
    }

    private RuleDocuments() {
    }

    /** Parses a document; a jsonnet one is evaluated without imports and without external variables. */
    public static List<Rule> parse(Format format, String text) {
        return parse(format, text, null, null, JsonnetSettings.DEFAULTS);
    }

    /**
     * Parses a document; a jsonnet one is evaluated with {@code jsonnet}'s variables and time bound, as {@code file} (for imports and error
     * positions), importing only under {@code root} ({@code null}: no imports).
     */
    public static List<Rule> parse(Format format, String text, Path file, Path root, JsonnetSettings jsonnet) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidRuleException("document", "is larger than " + MAX_DOCUMENT_CHARS + " characters");
        }
        JsonValue doc = switch (format) {
            case JSON -> json(text);
            case YAML -> yaml(text);
            case JSONNET -> json(JsonnetDocuments.evaluate(text, file, root, jsonnet));
        };
        JsonArray items = switch (doc.getValueType()) {
            case ARRAY -> doc.asJsonArray();
            case OBJECT -> JsonP.createArrayBuilder().add(doc).build();
            default -> throw new InvalidRuleException("document", "must be an array of rules");
        };
        List<Rule> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRuleException("[" + i + "]", "must be a rule object");
            }
            rules.add(Rule.parse(items.getJsonObject(i)));
        }
        return rules;
    }

    private static JsonValue json(String text) {
        try {
            return BoundedJson.read(text);
        } catch (MalformedJsonException e) {
            throw new InvalidRuleException("document", e.reason());
        }
    }

    private static JsonValue yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(text);
            return toJson(loaded);
        } catch (YAMLException e) {
            throw new InvalidRuleException("document", "is not valid YAML");
        }
    }

    private static JsonValue toJson(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Map<?, ?> map) {
            JsonObjectBuilder b = JsonP.createObjectBuilder();
            map.forEach((k, value) -> b.add(String.valueOf(k), toJson(value)));
            return b.build();
        }
        if (v instanceof Collection<?> list) {
            JsonArrayBuilder b = JsonP.createArrayBuilder();
            list.forEach(item -> b.add(toJson(item)));
            return b.build();
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long) {
            return JsonP.createValue(((Number) v).longValue());
        }
        if (v instanceof BigInteger big) {
            return JsonP.createValue(big);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                // YAML's .inf and .nan, and numbers too large for a double; JSON has no such numbers
                throw new InvalidRuleException("document", "has a number that is not finite");
            }
            return JsonP.createValue(BigDecimal.valueOf(d));
        }
        return JsonP.createValue(String.valueOf(v));
    }
}
