package dev.gatehouse.admin.console.identities;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One input of the traits form, generated from the identity schema: one per leaf property ({@code name.first}),
 * typed by the schema ({@code text}, {@code email}, {@code tel}, {@code number}, a checkbox for {@code boolean}) and
 * labelled by its {@code title}. The traits are put back together from the fields and checked by the identity
 * service, so the form holds to exactly the rules of the admin API.
 */
public final class TraitField {

    private final String path;
    private final String label;
    private final String inputType;
    private final boolean required;
    private String text;
    private boolean checked;
    private String error;

    TraitField(String path, String label, String inputType, boolean required, JsonValue value) {
        this.path = path;
        this.label = label;
        this.inputType = inputType;
        this.required = required;
        if (value instanceof JsonString s) {
            this.text = s.getString();
        } else if (value instanceof JsonNumber n) {
            this.text = n.toString();
        } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            this.checked = value == JsonValue.TRUE;
            this.text = value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE ? null : value.toString();
        }
    }

    /** The fields of a schema document's {@code traits}, with the values of {@code traits}. */
    static List<TraitField> of(JsonObject schemaDocument, JsonObject traits) {
        List<TraitField> out = new ArrayList<>();
        JsonObject properties = schemaDocument.getJsonObject("properties");
        JsonObject traitSchema = properties == null ? null : properties.getJsonObject("traits");
        if (traitSchema != null) {
            walk(traitSchema, "", traits, out);
        }
        return out;
    }

    private static void walk(JsonObject schema, String prefix, JsonObject values, List<TraitField> out) {
        JsonObject properties = schema.getJsonObject("properties");
        if (properties == null) {
            return;
        }
        Set<String> required = schema.get("required") instanceof jakarta.json.JsonArray a
                ? a.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet()) : Set.of();
        for (String name : properties.keySet()) {
            if (!(properties.get(name) instanceof JsonObject p)) {
                continue;
            }
            JsonValue value = values == null ? null : values.get(name);
            if ("object".equals(p.getString("type", ""))) {
                walk(p, prefix + name + ".", value instanceof JsonObject o ? o : null, out);
            } else if (!"array".equals(p.getString("type", ""))) {
                out.add(new TraitField(prefix + name, p.getString("title", name), inputType(p), required.contains(name), value));
            }
        }
    }

    private static String inputType(JsonObject p) {
        return switch (p.getString("type", "string")) {
            case "number", "integer" -> "number";
            case "boolean" -> "checkbox";
            default -> switch (p.getString("format", "")) {
                case "email" -> "email";
                case "tel" -> "tel";
                default -> "text";
            };
        };
    }

    /**
     * The traits the fields say, on top of {@code current} (so traits the form does not show, such as arrays, stay):
     * an empty field is left out, a number field that is a number becomes one (anything else goes as text, for the
     * schema to refuse).
     */
    static JsonObject traits(List<TraitField> fields, JsonObject current) {
        JsonObject out = current;
        for (TraitField f : fields) {
            out = with(out, f.path.split("\\."), 0, f.value());
        }
        return out;
    }

    private static JsonObject with(JsonObject object, String[] path, int at, JsonValue value) {
        JsonObjectBuilder b = JsonP.createObjectBuilder(object == null ? JsonValue.EMPTY_JSON_OBJECT : object);
        if (at == path.length - 1) {
            if (value == null) {
                b.remove(path[at]);
            } else {
                b.add(path[at], value);
            }
        } else {
            JsonValue inner = object == null ? null : object.get(path[at]);
            JsonObject nested = with(inner instanceof JsonObject o ? o : null, path, at + 1, value);
            if (nested.isEmpty()) {
                b.remove(path[at]);
            } else {
                b.add(path[at], nested);
            }
        }
        return b.build();
    }

    private JsonValue value() {
        if (inputType.equals("checkbox")) {
            return checked ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        if (inputType.equals("number")) {
            try {
                return JsonP.createValue(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return JsonP.createValue(text);
            }
        }
        return JsonP.createValue(text);
    }

    public String getPath() {
        return path;
    }

    public String getLabel() {
        return label;
    }

    public String getInputType() {
        return inputType;
    }

    public boolean isCheckbox() {
        return inputType.equals("checkbox");
    }

    public boolean isRequired() {
        return required;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isChecked() {
        return checked;
    }

    public void setChecked(boolean checked) {
        this.checked = checked;
    }

    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }
}
