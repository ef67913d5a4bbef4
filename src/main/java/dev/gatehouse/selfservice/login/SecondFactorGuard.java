package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every second factor does around checking its secret: read the flow's identity and reserve an attempt (one
 * short transaction: refused while the identity's second factors are locked, else counted as a failure before the
 * secret is checked, so attempts sent at once cannot all be checked against a count none of them has raised yet),
 * report a wrong one with a {@code LOGIN_FAILED} event (and the lock its attempt started), and clear the count on
 * success. The lock is one per identity, shared by all second factors, so switching method does not reset it.
 */
@ApplicationScoped
public class SecondFactorGuard {

    private IdentityService identities;
    private LoginThrottle throttle;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private Transactions transactions;

    /**
     * The identity a flow raises the session of, whether its second factors are locked (the attempt is to be refused
     * unchecked), and the lock this attempt's count started, reported only if the attempt fails.
     */
    public record Attempt(Identity identity, boolean locked, Optional<Instant> lockStarted) {
    }

    protected SecondFactorGuard() {
        // for the container's proxy
    }

    @Inject
    public SecondFactorGuard(IdentityService identities, LoginThrottle throttle, SecurityEvents events, Transactions transactions) {
        this.identities = identities;
        this.throttle = throttle;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.transactions = transactions;
    }

    /** Reads the flow's identity (it must still be active) and reserves an attempt for it. */
    public Attempt begin(Flow flow) {
        String subject = flow.identity().toString();
        return transactions.call(() -> {
            Identity identity = identities.find(flow.tenant(), subject).filter(Identity::isActive)
                    .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
            FailureCounts.Reservation reservation = throttle.reserveSecondFactor(flow.tenant(), subject);
            return new Attempt(identity, reservation.locked(), reservation.lockStarted());
        });
    }

    /** A refused second factor (already counted when its attempt was reserved): reported, with the lock it started. */
    public void failed(Flow flow, Attempt attempt, String method, String reason) {
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                .subject(flow.identity().toString()).detail("method", method).detail("reason", reason));
        credentials.failed(flow.tenant().value(), flow.identity().toString(), method, reason);
        attempt.lockStarted().ifPresent(until -> throttle.secondFactorLockStarted(flow.tenant(), flow.identity().toString(), until));
    }

    /** A second factor's part of a form that raises a session: its input, and the button that names the method. */
    public static List<UiNode> form(String method, String input, String autocomplete, UiText inputLabel, UiText buttonLabel) {
        return List.of(UiNode.input(method, input, "text", JsonP.createValue(""), true, autocomplete, inputLabel),
                UiNode.input(method, "method", "submit", JsonP.createValue(method), false, null, buttonLabel));
    }

    /** The flow shown again with {@code ui} (a refusal's messages), not accepted. */
    public static Completion<LoginMethod.Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new LoginMethod.Answered(flow.showing(ui), false));
    }

    /** A right second factor, in the submission's transaction: the identity's count starts over. */
    public void succeeded(Flow flow) {
        throttle.secondFactorSucceeded(flow.tenant(), flow.identity().toString());
    }
}
