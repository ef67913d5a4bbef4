package dev.gatehouse.selfservice.registration;

import dev.gatehouse.credential.password.PolicyViolation;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/** Puts what was wrong with a submission onto the form: schema errors on their fields, policy errors on the password. */
public final class FormMessages {

    private FormMessages() {
    }

    /** The submitted trait values back into the trait fields (never the password). */
    public static Ui refill(Ui ui, JsonObject traits) {
        Ui out = ui;
        for (UiNode n : ui.nodes()) {
            if (n.name().startsWith("traits.")) {
                out = out.mapNode(n.name(), x -> x.withValue(TraitNodes.valueAt(traits, n.name())));
            }
        }
        return out;
    }

    /** Each schema error on its field's node, or on the form when no node has that name. */
    public static Ui traitErrors(Ui ui, List<TraitError> errors) {
        Ui out = ui;
        for (TraitError e : errors) {
            UiText m = new UiText(e.id(), e.text(), "error", Json.createObjectBuilder(e.context() == null ? Map.of() : e.context()).build());
            out = out.hasNode(e.path()) ? out.mapNode(e.path(), n -> n.withMessage(m)) : out.withMessage(m);
        }
        return out;
    }

    public static Ui policyViolations(Ui ui, List<PolicyViolation> violations) {
        Ui out = ui;
        for (PolicyViolation v : violations) {
            UiText m = new UiText(v.id(), v.text(), "error", Json.createObjectBuilder(v.context()).build());
            out = out.mapNode("password", n -> n.withMessage(m));
        }
        return out;
    }
}
