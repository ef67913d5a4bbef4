package dev.gatehouse.selfservice.registration;

import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;

/** Puts the submitted traits back onto the form, and what was wrong with them on their fields. */
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
            UiText m = new UiText(e.id(), e.text(), "error", JsonP.createObjectBuilder(e.context() == null ? Map.of() : e.context()).build());
            out = out.hasNode(e.path()) ? out.mapNode(e.path(), n -> n.withMessage(m)) : out.withMessage(m);
        }
        return out;
    }
}
