package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms of an identifier-first sign-in (Kratos' {@code identifier_first} login style, group and method
 * {@code identifier_first}):
 * <pre>
 *   choose_method: identifier + "Continue" ──method=identifier_first──▶ choose_method: identifier (hidden) + the
 *                                                                        methods' buttons ──method=code, ...──▶ …
 * </pre>
 * The second form is the same for every identifier, known or not, so it tells no one whether an account
 * exists; it is answered as Kratos does, as a form to go on with (400, browsers sent back to the page).
 */
final class IdentifierFirst {

    static final String METHOD = "identifier_first";
    static final String IDENTIFIER = "identifier";
    private static final String AUTOCOMPLETE = "username webauthn";

    private IdentifierFirst() {
    }

    /** The first form: the identifier and "Continue". */
    static List<UiNode> identification() {
        return List.of(UiNode.input(METHOD, IDENTIFIER, "text", JsonP.createValue(""), true, AUTOCOMPLETE, Texts.idLabel()),
                UiNode.input(METHOD, "method", "submit", JsonP.createValue(METHOD), false, null, Texts.continueLabel()));
    }

    /** The second form: the identifier kept (hidden) and what each method offers for it. */
    static Ui identified(Ui first, String identifier, List<LoginMethod> methods) {
        List<UiNode> nodes = new ArrayList<>();
        first.nodes().stream().filter(n -> n.group().equals("default")).forEach(nodes::add);
        nodes.add(UiNode.input(METHOD, IDENTIFIER, "hidden", JsonP.createValue(identifier), true, AUTOCOMPLETE, Texts.idLabel()));
        methods.forEach(m -> nodes.addAll(m.identifiedNodes(identifier)));
        return new Ui(first.action(), first.method(), nodes, List.of());
    }
}
