package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * One form element of a flow's UI, as Kratos describes it: {@code {type, group, attributes, messages, meta}}.
 * The node's type is its attributes' {@code node_type}: {@code input} (name, type, value, required,
 * autocomplete, disabled), {@code img} (id, src, width, height) or {@code text} (id, text: a message).
 */
public record UiNode(String group, JsonObject attributes, List<UiText> messages, UiText label) {

    public UiNode {
        messages = List.copyOf(messages);
    }

    public static UiNode input(String group, String name, String type, JsonValue value, boolean required,
                               String autocomplete, UiText label) {
        JsonObjectBuilder a = JsonP.createObjectBuilder().add("name", name).add("type", type)
                .add("required", required).add("disabled", false).add("node_type", "input");
        if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            a.add("value", value);
        }
        if (autocomplete != null) {
            a.add("autocomplete", autocomplete);
        }
        return new UiNode(group, a.build(), List.of(), label);
    }

    /** An image, such as a QR code as a {@code data:} URI (Kratos' {@code img} node). */
    public static UiNode image(String group, String id, String src, int width, int height, UiText label) {
        JsonObject a = JsonP.createObjectBuilder().add("src", src).add("id", id).add("width", width).add("height", height)
                .add("node_type", "img").build();
        return new UiNode(group, a, List.of(), label);
    }

    /** A text to show, such as a secret to copy (Kratos' {@code text} node). */
    public static UiNode text(String group, String id, UiText text, UiText label) {
        JsonObject a = JsonP.createObjectBuilder().add("text", text.toJson()).add("id", id).add("node_type", "text").build();
        return new UiNode(group, a, List.of(), label);
    }

    /** {@code input}, {@code img} or {@code text}. */
    public String nodeType() {
        return attributes.getString("node_type", "input");
    }

    /** An input's name, or the id of an image or text node. */
    public String name() {
        return attributes.containsKey("name") ? attributes.getString("name", "") : attributes.getString("id", "");
    }

    public String inputType() {
        return attributes.getString("type", "text");
    }

    public UiNode withValue(JsonValue value) {
        JsonObjectBuilder a = JsonP.createObjectBuilder(attributes);
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
        JsonArrayBuilder m = JsonP.createArrayBuilder();
        messages.forEach(x -> m.add(x.toJson()));
        JsonObjectBuilder meta = JsonP.createObjectBuilder();
        if (label != null) {
            meta.add("label", label.toJson());
        }
        return JsonP.createObjectBuilder().add("type", nodeType()).add("group", group).add("attributes", attributes)
                .add("messages", m).add("meta", meta).build();
    }

    public static UiNode fromJson(JsonObject o) {
        JsonObject meta = o.getJsonObject("meta");
        UiText label = meta != null && meta.containsKey("label") ? UiText.fromJson(meta.getJsonObject("label")) : null;
        return new UiNode(o.getString("group"), o.getJsonObject("attributes"),
                o.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(UiText::fromJson).toList(), label);
    }
}
