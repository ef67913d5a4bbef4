package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/** JSON documents stored as text columns: written compactly, read back as JSON-P values. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonValue value) {
        return value == null ? null : value.toString();
    }

    /** Null or SQL NULL text reads as {@link JsonValue#NULL}. */
    public static JsonValue read(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (JsonReader r = JsonP.createReader(new StringReader(text))) {
            return r.readValue();
        }
    }

    public static JsonObject readObject(String text) {
        JsonValue v = read(text);
        return v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** SQL NULL for an absent (JSON null) document. */
    public static String writeNullable(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }
}
