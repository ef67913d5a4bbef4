package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;

import java.util.List;
import java.util.Optional;

/**
 * A way to sign in (Kratos' login strategy). A bean implementing it is offered on every login form and
 * receives the submissions that name it; the {@link LoginHandler} signs in whom it proves.
 */
public interface LoginMethod extends FlowMethod {

    /** How a submission to a method ended. */
    sealed interface Result permits Authenticated, Answered {
    }

    /**
     * The method proved who this is.
     *
     * @param ui            the form the completed flow keeps
     * @param sessionMethod the session's authentication method
     * @param eventMethod   the method the sign-in event names (it may say more: a link rather than a code)
     * @param via           how the proof reached the person ({@code email}, {@code sms}) for a one-time code; null
     *                      otherwise. Kept with the session's authentication method.
     */
    record Authenticated(Identity identity, Ui ui, String sessionMethod, String eventMethod, String via) implements Result {

        public Authenticated(Identity identity, Ui ui, String sessionMethod, String eventMethod) {
            this(identity, ui, sessionMethod, eventMethod, null);
        }
    }

    /** The flow goes on, showing a new form: the method's next step ({@code accepted}) or a refusal. */
    record Answered(Flow flow, boolean accepted) implements Result {
    }

    /** The nodes this method adds to a new login form, after the CSRF token and the identifier. */
    List<UiNode> nodes();

    /**
     * Whether the identifier field should offer this method's discoverable credentials as it is typed into (WebAuthn
     * conditional mediation: {@code autocomplete="username webauthn"}), as Kratos does when passkeys are on. Such a
     * method needs no identifier, so an identifier-first form offers it on its first step already.
     */
    default boolean offersConditionalUi() {
        return false;
    }

    /**
     * The nodes this method adds to the second form of an identifier-first sign-in, once {@code identifier} is
     * given (Kratos' {@code PopulateLoginMethodIdentifierFirstCredentials}); by default those of a new form. The
     * same whether or not an account has this identifier.
     */
    default List<UiNode> identifiedNodes(String identifier) {
        return nodes();
    }

    /**
     * Whether this method is a second factor: it does not sign anyone in, it raises a signed-in session to
     * {@code aal2} (Kratos' AAL2 form hydrators: {@code totp}, {@code lookup_secret}). Its submissions come only
     * in flows that {@linkplain Flow#raisesSession() raise a session}, for the flow's identity.
     */
    default boolean secondFactor() {
        return false;
    }

    /**
     * Whether a submission that names no method is meant for this second factor (Kratos' code method: the
     * {@code address} buttons post only the address).
     */
    default boolean claims(Submission submission) {
        return false;
    }

    /** The nodes this second factor adds to a form that raises the session of {@code identity}; none if it has not set it up. */
    default List<UiNode> secondFactorNodes(Identity identity) {
        return List.of();
    }

    /**
     * Whether {@code identity} has set this second factor up: whether {@link #secondFactorNodes} offers it anything. A
     * method whose nodes cost something to make (a new challenge) answers it without making them.
     */
    default boolean enrolled(Identity identity) {
        return !secondFactorNodes(identity).isEmpty();
    }

    /**
     * As {@link #secondFactorNodes(Identity)}, for a flow opened with Kratos' {@code via} query parameter (the trait
     * whose address a code should go to, {@code login?aal=aal2&via=phone}); methods it means nothing to ignore it.
     */
    default List<UiNode> secondFactorNodes(Identity identity, Optional<String> via) {
        return secondFactorNodes(identity);
    }

    /**
     * Handles a submission naming this method, outside any transaction: slow work is done here, the rest in the
     * completion, which runs in the submission's transaction. {@code ui} is the flow's form without the last
     * messages, with the submitted identifier filled in.
     */
    Completion<Result> submit(Flow flow, Submission submission, Ui ui);

    /** A link this method mailed, opened in the browser that started the flow; empty if the method mails none. */
    default Optional<Completion<Result>> openLink(Flow flow, String token) {
        return Optional.empty();
    }
}
