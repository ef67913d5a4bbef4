package dev.gatehouse.selfservice.ui;

import dev.gatehouse.selfservice.UiNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arranges a flow's {@code ui.nodes} into forms as Ory's account pages do: every input once, the methods as
 * choices. An input that belongs to no single method (group {@code default}, or the same name offered by
 * several methods, such as the traits both the password and the code method submit) is shown once, before
 * the methods; then each method group with its own inputs and its buttons, which all submit the same form
 * with their {@code method} value.
 * <p>
 * Sign-in, sign-up, recovery and verification are one form. Settings is one form per method group (profile,
 * password, ...), as each changes something else; the shared hidden inputs (CSRF token) go into each, the
 * shared visible ones into the first.
 * <p>
 * The flow JSON is not touched: this only decides where each node is drawn.
 */
final class FlowLayout {

    static final String DEFAULT_GROUP = "default";

    /** One method's part of a form: its group, its own inputs and its buttons, in the flow's order. */
    record Method(String group, List<UiNode> nodes) {

        Method {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * One HTML form.
     *
     * @param group   the method group it changes, or null when the form offers all methods
     * @param shared  the inputs shown once before the methods, hidden ones first
     * @param methods the methods offered, in the order the flow lists them
     */
    record Form(String group, List<UiNode> shared, List<Method> methods) {

        Form {
            shared = List.copyOf(shared);
            methods = List.copyOf(methods);
        }
    }

    private FlowLayout() {
    }

    /** One form offering every method. */
    static Form single(List<UiNode> nodes) {
        Split split = split(nodes);
        List<UiNode> shared = new ArrayList<>(split.hidden);
        shared.addAll(split.visible);
        return new Form(null, shared, split.methods);
    }

    /** One form per method group, for pages whose methods change different things. */
    static List<Form> perMethod(List<UiNode> nodes) {
        Split split = split(nodes);
        List<Form> forms = new ArrayList<>();
        for (Method method : split.methods) {
            List<UiNode> shared = new ArrayList<>(split.hidden);
            if (forms.isEmpty()) {
                shared.addAll(split.visible);
            }
            forms.add(new Form(method.group(), shared, List.of(method)));
        }
        if (forms.isEmpty() && !(split.hidden.isEmpty() && split.visible.isEmpty())) {
            List<UiNode> shared = new ArrayList<>(split.hidden);
            shared.addAll(split.visible);
            forms.add(new Form(DEFAULT_GROUP, shared, List.of()));
        }
        return forms;
    }

    private record Split(List<UiNode> hidden, List<UiNode> visible, List<Method> methods) {
    }

    private static Split split(List<UiNode> nodes) {
        Map<String, Set<String>> groupsOfInput = new LinkedHashMap<>();
        for (UiNode n : nodes) {
            if (!isButton(n)) {
                groupsOfInput.computeIfAbsent(n.name(), k -> new LinkedHashSet<>()).add(n.group());
            }
        }
        List<UiNode> hidden = new ArrayList<>();
        List<UiNode> visible = new ArrayList<>();
        Map<String, List<UiNode>> byMethod = new LinkedHashMap<>();
        Set<String> placedShared = new HashSet<>();
        for (UiNode n : nodes) {
            boolean shared = n.group().equals(DEFAULT_GROUP)
                    || !isButton(n) && groupsOfInput.get(n.name()).size() > 1;
            if (!shared) {
                byMethod.computeIfAbsent(n.group(), g -> new ArrayList<>()).add(n);
            } else if (isButton(n) || placedShared.add(n.name())) {
                (isHidden(n) ? hidden : visible).add(n);
            }
        }
        List<Method> methods = byMethod.entrySet().stream().map(e -> new Method(e.getKey(), e.getValue())).toList();
        return new Split(hidden, visible, methods);
    }

    static boolean isButton(UiNode n) {
        return "submit".equals(n.inputType()) || "button".equals(n.inputType());
    }

    static boolean isHidden(UiNode n) {
        return "hidden".equals(n.inputType());
    }
}
