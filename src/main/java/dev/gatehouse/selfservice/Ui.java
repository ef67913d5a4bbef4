package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A flow's form: where it posts, its nodes, and messages about the whole form. */
public record Ui(String action, String method, List<UiNode> nodes, List<UiText> messages) {

    public Ui {
        nodes = List.copyOf(nodes);
        messages = List.copyOf(messages);
    }

    public Ui withMessage(UiText message) {
        List<UiText> m = new ArrayList<>(messages);
        m.add(message);
        return new Ui(action, method, nodes, m);
    }

    /** A copy with the messages of the last submission removed, so they do not pile up. */
    public Ui withoutMessages() {
        return new Ui(action, method, nodes.stream().map(n -> new UiNode(n.group(), n.attributes(), List.of(), n.label())).toList(),
                List.of());
    }

    public Ui mapNode(String name, UnaryOperator<UiNode> change) {
        return new Ui(action, method, nodes.stream().map(n -> n.name().equals(name) ? change.apply(n) : n).toList(), messages);
    }

    /** The string value of the first node with this name (e.g. the CSRF token), if any. */
    public java.util.Optional<String> valueOf(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().map(n -> n.attributes().getString("value", null));
    }

    /** A copy whose hidden {@code csrf_token} node, first as in every browser flow's form, carries this secret. */
    public Ui withCsrfToken(String secret) {
        List<UiNode> n = new ArrayList<>();
        n.add(UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(secret), true, null, null));
        nodes.stream().filter(x -> !"csrf_token".equals(x.name())).forEach(n::add);
        return new Ui(action, method, n, messages);
    }

    /** A copy in which the nodes of {@code group} are {@code replacement}, where the group's first node stood (else last). */
    public Ui withGroup(String group, List<UiNode> replacement) {
        List<UiNode> n = new ArrayList<>();
        boolean placed = false;
        for (UiNode x : nodes) {
            if (!x.group().equals(group)) {
                n.add(x);
            } else if (!placed) {
                n.addAll(replacement);
                placed = true;
            }
        }
        if (!placed) {
            n.addAll(replacement);
        }
        return new Ui(action, method, n, messages);
    }

    /** The nodes of {@code group}, in order. */
    public List<UiNode> group(String group) {
        return nodes.stream().filter(x -> x.group().equals(group)).toList();
    }

    public boolean hasNode(String name) {
        return nodes.stream().anyMatch(n -> n.name().equals(name));
    }

    public JsonObject toJson() {
        JsonArrayBuilder n = JsonP.createArrayBuilder();
        nodes.forEach(x -> n.add(x.toJson()));
        JsonArrayBuilder m = JsonP.createArrayBuilder();
        messages.forEach(x -> m.add(x.toJson()));
        return JsonP.createObjectBuilder().add("action", action).add("method", method).add("nodes", n).add("messages", m).build();
    }

    public static Ui fromJson(JsonObject o) {
        return new Ui(o.getString("action"), o.getString("method"),
                o.getJsonArray("nodes").getValuesAs(JsonObject.class).stream().map(UiNode::fromJson).toList(),
                o.getJsonArray("messages").getValuesAs(JsonObject.class).stream().map(UiText::fromJson).toList());
    }
}
