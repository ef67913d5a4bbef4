package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.OneTimeCodes;

import java.util.Optional;

/**
 * A way to prove one holds a recovery address (Kratos' recovery strategy: {@code code}, {@code link}). The
 * {@link RecoveryHandler} offers the one {@code gatehouse.selfservice.recovery.use} names, hands it the
 * submissions that name it (or that it {@linkplain #claims claims}), and signs in whom it proves. A method has
 * no slow work (the mail goes to the courier's outbox), so it runs in the submission's transaction.
 */
public interface RecoveryMethod extends FlowMethod {

    /** How a submission to a method ended. */
    sealed interface Result permits Recovered, Answered {
    }

    /**
     * The method proved the identity holds the address.
     *
     * @param sessionMethod the new session's authentication method
     */
    record Recovered(Identity identity, String sessionMethod) implements Result {
    }

    /** The flow goes on, showing a new form: the method's next step ({@code accepted}) or a refusal. */
    record Answered(Flow flow, boolean accepted) implements Result {
    }

    /** The form of a new flow offering this method, posting to {@code action}. */
    Ui form(String action, String csrfSecret);

    /** Whether the method takes this submission whatever method it names (the code method: a code, once sent). */
    default boolean claims(Flow flow, Submission submission) {
        return false;
    }

    Result submit(Flow flow, Submission submission);

    /** A link this method mailed, opened in a browser; empty if the method mails none. */
    default Optional<Result> openLink(Flow flow, String token) {
        return Optional.empty();
    }

    /** How the code an admin is handed for this method is issued. */
    OneTimeCodes.Extras adminExtras();

    /** The form of a flow an admin started, waiting for this method's code or link. */
    Ui adminForm(Flow flow);
}
