package dev.gatehouse.selfservice.verification;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;

import java.util.Optional;

/**
 * A way to prove one holds an address to verify (Kratos' verification strategy: {@code code}, {@code link}).
 * The {@link VerificationHandler} offers the one {@code gatehouse.selfservice.verification.use} names and hands
 * it the submissions that name it (or that it {@linkplain #claims claims}). A method has no slow work (the mail
 * goes to the courier's outbox), so it runs in the submission's transaction.
 */
public interface VerificationMethod extends FlowMethod {

    /** How a submission to a method ended. */
    sealed interface Result permits Verified, Answered {
        Flow flow();
    }

    /** The address is verified now; {@code subject} is its identity's id, for the event. */
    record Verified(Flow flow, String subject) implements Result {
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

    /**
     * Issues a code or link for {@code email} and mails it to {@code owner} (null: an unknown address, to which
     * nothing is sent, answered alike); the flow then waits for it, or is refused if one was sent too recently.
     */
    Answered send(Flow flow, String email, Identity owner);

    /** Whether this method can also verify a phone number (by an SMS code); {@link #send} then gets numbers in E.164. */
    default boolean bySms() {
        return false;
    }

    /** A link this method mailed, opened in a browser; empty if the method mails none. */
    default Optional<Result> openLink(Flow flow, String token) {
        return Optional.empty();
    }
}
