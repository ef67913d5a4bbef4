package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.credential.password.PolicyViolation;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiText;

import java.util.List;

/** Puts what the password policy refused onto the form's password field. */
final class PasswordMessages {

    private PasswordMessages() {
    }

    static Ui policyViolations(Ui ui, List<PolicyViolation> violations) {
        Ui out = ui;
        for (PolicyViolation v : violations) {
            UiText m = new UiText(v.id(), v.text(), "error", JsonP.createObjectBuilder(v.context()).build());
            out = out.mapNode("password", n -> n.withMessage(m));
        }
        return out;
    }
}
