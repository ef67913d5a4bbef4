package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * A message with Kratos' stable numeric id (1xxxxxx info, 4xxxxxx validation, 5xxxxxx system), its English
 * text and the values the text was made from, so pages can translate by id.
 */
public record UiText(long id, String text, String type, JsonObject context) {

    public UiText {
        Objects.requireNonNull(text);
        Objects.requireNonNull(type);
        context = context == null ? JsonValue.EMPTY_JSON_OBJECT : context;
    }

    public static UiText info(long id, String text) {
        return new UiText(id, text, "info", null);
    }

    public static UiText error(long id, String text) {
        return new UiText(id, text, "error", null);
    }

    public JsonObject toJson() {
        return JsonP.createObjectBuilder().add("id", id).add("text", text).add("type", type).add("context", context).build();
    }

    public static UiText fromJson(JsonObject o) {
        return new UiText(o.getJsonNumber("id").longValue(), o.getString("text"), o.getString("type"),
                o.containsKey("context") && o.get("context").getValueType() == JsonValue.ValueType.OBJECT ? o.getJsonObject("context") : null);
    }
}
