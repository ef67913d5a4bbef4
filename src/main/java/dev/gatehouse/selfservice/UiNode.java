package dev.gatehouse.selfservice;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * One form element of a flow's UI, as Kratos describes it: {@code {type, group, attributes, messages, meta}}.
 * Only input nodes for now; attributes carry name, type, value, required, autocomplete, disabled.
 */
public record UiNode(String group, JsonObject attributes, List<UiText> messages, UiText label) {

    public UiNode {
        messages = List.copyOf(messages);
    }

    public static UiNode input(String group, String name, String type, JsonValue value, boolean required,
                               String autocomplete, UiText label) {
        JsonObjectBuilder a = Json.createObjectBuilder().add("name", name).add("type", type)
                .add("required", required).add("disabled", false).add("node_type", "input");
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            a.add("value", value);
        }
        if (autocomplete != null) {
            a.add("autocomplete", autocomplete);
        }
        return new UiNode(group, a.build(), List.of(), label);
    }

    public String name() {
        return attributes.getString("name", "");
    }

    public String inputType() {
        return attributes.getString("type", "text");
    }

    public UiNode withValue(JsonValue value) {
        JsonObjectBuilder a = Json.createObjectBuilder(attributes);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            a.remove("value");
        } else {
            a.add("value", value);
        }
        return new UiNode(group, a.build(), messages, label);
    }

    public UiNode withMessage(UiText message) {
        List<UiText> m = new ArrayList<>(messages);
        m.add(message);
        return new UiNode(group, attributes, m, label);
    }

    public JsonObject toJson() {
        JsonArrayBuilder m = Json.createArrayBuilder();
        messages.forEach(x -> m.add(x.toJson()));
        JsonObjectBuilder meta = Json.createObjectBuilder();
        if (label != null) {
            meta.add("label", label.toJson());
        }
        return Json.createObjectBuilder().add("type", "input").add("group", group).add("attributes", attributes)
                .add("messages", m).add("meta", meta).build();
    }

    public static UiNode fromJson(JsonObject o) {
        JsonObject meta = o.getJsonObject("meta");
        UiText label = meta != null && meta.containsKey("label") ? UiText.fromJson(meta.getJsonObject("label")) : null;
        return new UiNode(o.getString("group"), o.getJsonObject("attributes"),
                o.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(UiText::fromJson).toList(), label);
    }
}
