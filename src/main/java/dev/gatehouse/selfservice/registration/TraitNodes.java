package dev.gatehouse.selfservice.registration;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.UiNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Form nodes for an identity schema's traits, one input per leaf property ({@code traits.name.first}),
 * typed and labelled from the schema, so a new trait in a schema shows up on every page without new code.
 */
public final class TraitNodes {

    private TraitNodes() {
    }

    public static List<UiNode> of(JsonObject schemaDocument, JsonObject values, String group) {
        JsonObject traits = schemaDocument.getJsonObject("properties") == null ? null
                : schemaDocument.getJsonObject("properties").getJsonObject("traits");
        List<UiNode> out = new ArrayList<>();
        if (traits != null) {
            walk(traits, "traits", values, group, out);
        }
        return out;
    }

    private static void walk(JsonObject schema, String path, JsonObject values, String group, List<UiNode> out) {
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        Set<String> required = schema.containsKey("required") && schema.get("required").getValueType() == JsonValue.ValueType.ARRAY
                ? schema.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet())
                : Set.of();
        for (String name : properties.keySet()) {
            JsonObject p = properties.getJsonObject(name);
            String childPath = path + "." + name;
            JsonValue value = values == null ? null : values.get(name);
            if ("object".equals(p.getString("type", ""))) {
                walk(p, childPath, value instanceof JsonObject o ? o : null, group, out);
                continue;
            }
            String title = p.getString("title", name);
            out.add(UiNode.input(group, childPath, inputType(p), value == null ? null : value, required.contains(name),
                    autocomplete(p), Texts.label(title)));
        }
    }

    private static String inputType(JsonObject p) {
        String format = p.getString("format", "");
        return switch (p.getString("type", "string")) {
            case "number", "integer" -> "number";
            case "boolean" -> "checkbox";
            default -> switch (format) {
                case "email" -> "email";
                case "tel" -> "tel";
                case "date" -> "date";
                case "uri" -> "url";
                default -> "text";
            };
        };
    }

    private static String autocomplete(JsonObject p) {
        if ("email".equals(p.getString("format", ""))) {
            return "email";
        }
        return null;
    }

    /** The value at a dotted node name ({@code traits.name.first}) in a traits object, or null. */
    public static JsonValue valueAt(JsonObject traits, String nodeName) {
        JsonValue at = traits;
        for (String part : nodeName.substring("traits.".length()).split("\\.")) {
            if (!(at instanceof JsonObject o) || !o.containsKey(part)) {
                return null;
            }
            at = o.get(part);
        }
        return at;
    }

    static JsonArray none() {
        return JsonP.createArrayBuilder().build();
    }
}
