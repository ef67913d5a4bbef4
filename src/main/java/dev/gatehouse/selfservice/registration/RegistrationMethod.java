package dev.gatehouse.selfservice.registration;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;

import java.util.List;

/**
 * A way to sign up (Kratos' registration strategy). A bean implementing it is offered on every registration
 * form, after the traits, and receives the submissions that name it; the {@link RegistrationHandler} signs in
 * the identity it creates (through {@link Registrar}).
 */
public interface RegistrationMethod extends FlowMethod {

    /** How a submission to a method ended. */
    sealed interface Result permits Registered, Answered {
    }

    /**
     * The identity was created.
     *
     * @param ui     the form the completed flow keeps
     * @param method the session's authentication method, and the one the registration event names
     */
    record Registered(Identity identity, Ui ui, String method) implements Result {
    }

    /** The flow goes on, showing a new form: the method's next step ({@code accepted}) or a refusal. */
    record Answered(Flow flow, boolean accepted) implements Result {
    }

    /** The nodes this method adds to a new registration form, after the CSRF token and the traits. */
    List<UiNode> nodes();

    /**
     * Handles a submission naming this method, outside any transaction: slow work (a password's hash) is done
     * here, the rest in the completion, which runs in the submission's transaction. {@code ui} is the flow's form
     * without the last messages, refilled with the submitted traits; {@code schema} the identity schema they follow.
     */
    Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema);
}
