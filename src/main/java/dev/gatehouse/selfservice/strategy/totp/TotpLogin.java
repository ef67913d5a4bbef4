package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpResult;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code totp} method of the login flow: a second factor, so it answers only in flows that raise a
 * session (Kratos' AAL2 form), for the flow's identity. A code is accepted for the current 30-second step and
 * one either side, once: the accepted step is stored and a code for it or an earlier step is refused. Every
 * refusal counts towards the identity's second-factor lock (the login throttle's limits); while locked, even a
 * right code is refused with the same message.
 */
@ApplicationScoped
public class TotpLogin implements LoginMethod {

    static final String CODE = "totp_code";

    private IdentityService identities;
    private LoginThrottle throttle;
    private SecurityEvents events;
    private Transactions transactions;
    private Clock clock;
    private final Totp totp = new Totp();

    protected TotpLogin() {
        // for the container's proxy
    }

    @Inject
    public TotpLogin(IdentityService identities, LoginThrottle throttle, SecurityEvents events, Transactions transactions,
                     Clock clock) {
        this.identities = identities;
        this.throttle = throttle;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String id() {
        return TotpMessages.METHOD;
    }

    @Override
    public int order() {
        return TotpMessages.ORDER;
    }

    @Override
    public List<UiNode> nodes() {
        return List.of();
    }

    @Override
    public boolean secondFactor() {
        return true;
    }

    @Override
    public List<UiNode> secondFactorNodes(Identity identity) {
        if (TotpCredential.of(identity).isEmpty()) {
            return List.of();
        }
        return List.of(UiNode.input(TotpMessages.GROUP, CODE, "text", Json.createValue(""), true, "one-time-code",
                        TotpMessages.codeLabel()),
                UiNode.input(TotpMessages.GROUP, "method", "submit", Json.createValue(TotpMessages.METHOD), false, null,
                        TotpMessages.useAuthenticator()));
    }

    /** What is read before the code is checked, in one short transaction. */
    private record Lookup(boolean locked, Identity identity) {
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        TenantId tenant = flow.tenant();
        String subject = flow.identity().toString();
        Optional<String> code = submission.field(CODE).map(String::trim).filter(c -> !c.isEmpty());
        if (code.isEmpty()) {
            return refuse(flow, ui.mapNode(CODE, n -> n.withMessage(Texts.required(CODE))));
        }
        Lookup lookup = transactions.call(() -> new Lookup(throttle.isSecondFactorLocked(tenant, subject),
                identities.find(tenant, subject).filter(Identity::isActive).orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION))));
        Identity who = lookup.identity();
        Optional<TotpCredential> credential = TotpCredential.of(who);
        if (credential.isEmpty()) {
            return refuse(flow, ui.withMessage(TotpMessages.noDevice()));
        }
        Instant now = clock.instant();
        TotpResult result = totp.verify(credential.get().secret(), code.get(), now, credential.get().lastUsedStep());
        if (lookup.locked() || !(result instanceof TotpResult.Accepted accepted)) {
            String reason = lookup.locked() ? "locked" : ((TotpResult.Refused) result).reason().name().toLowerCase(Locale.ROOT);
            failed(tenant, who, reason);
            return refuse(flow, ui.mapNode(CODE, n -> n.withMessage(TotpMessages.wrongCode())));
        }
        return () -> {
            // refused as a conflict if the identity changed since it was read: the same code used twice at once
            identities.storeCredential(who, CredentialType.TOTP,
                    Optional.of(credential.get().used(accepted.step()).toCredential(who, now)));
            throttle.secondFactorSucceeded(tenant, subject);
            return new Authenticated(who, ui, TotpMessages.METHOD, TotpMessages.METHOD);
        };
    }

    private void failed(TenantId tenant, Identity who, String reason) {
        // its own transaction, before the submission's: a wrong code must count even if that one rolls back
        throttle.secondFactorFailed(tenant, who.id().toString());
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(tenant.value())
                .subject(who.id().toString()).detail("method", TotpMessages.METHOD).detail("reason", reason));
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
