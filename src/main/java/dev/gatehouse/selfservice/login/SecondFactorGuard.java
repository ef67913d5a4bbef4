package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.util.List;

/**
 * What every second factor does around checking its secret: read the flow's identity and whether its second
 * factors are locked (one short transaction), count a failure in its own transaction before the submission's
 * (so it counts even if that one rolls back) with a {@code LOGIN_FAILED} event, and clear the count on success.
 * The lock is one per identity, shared by all second factors, so switching method does not reset it.
 */
@ApplicationScoped
public class SecondFactorGuard {

    private IdentityService identities;
    private LoginThrottle throttle;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private Transactions transactions;

    /** The identity a flow raises the session of, and whether its second factors are locked right now. */
    public record Attempt(Identity identity, boolean locked) {
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

    /** Reads the flow's identity (it must still be active) and its lock. */
    public Attempt begin(Flow flow) {
        String subject = flow.identity().toString();
        return transactions.call(() -> new Attempt(identities.find(flow.tenant(), subject).filter(Identity::isActive)
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION)), throttle.isSecondFactorLocked(flow.tenant(), subject)));
    }

    /** A refused second factor: counted towards the identity's lock, and reported. */
    public void failed(Flow flow, String method, String reason) {
        throttle.secondFactorFailed(flow.tenant(), flow.identity().toString());
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                .subject(flow.identity().toString()).detail("method", method).detail("reason", reason));
        credentials.failed(flow.tenant().value(), flow.identity().toString(), method, reason);
    }

    /** A second factor's part of a form that raises a session: its input, and the button that names the method. */
    public static List<UiNode> form(String method, String input, String autocomplete, UiText inputLabel, UiText buttonLabel) {
        return List.of(UiNode.input(method, input, "text", Json.createValue(""), true, autocomplete, inputLabel),
                UiNode.input(method, "method", "submit", Json.createValue(method), false, null, buttonLabel));
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
