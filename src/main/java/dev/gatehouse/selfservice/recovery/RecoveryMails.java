package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What the recovery methods that mail something share: the address asked for, a code or link issued for it
 * (for an unknown address too, so it behaves alike, but sent only to a known one), and the judgement of what
 * comes back, with their events.
 */
@ApplicationScoped
public class RecoveryMails {

    private OneTimeCodes codes;
    private IdentityService identities;
    private CodeFlows steps;
    private SecurityEvents events;
    private SelfServiceConfig config;

    /** What a method mails: the code just issued, to the owner of the address. */
    @FunctionalInterface
    public interface Mailer {
        void send(Flow flow, String email, Identity owner, OneTimeCodes.Issued issued);
    }

    protected RecoveryMails() {
        // for the container's proxy
    }

    @Inject
    public RecoveryMails(OneTimeCodes codes, IdentityService identities, CodeFlows steps, SecurityEvents events,
                         SelfServiceConfig config) {
        this.codes = codes;
        this.identities = identities;
        this.steps = steps;
        this.events = events;
        this.config = config;
    }

    /**
     * Issues a code (with {@code extras}) for the address the submission gives and mails it with {@code mailer}
     * if a recovery address of an active identity; the flow then waits for it ({@code sent} makes that form).
     */
    public RecoveryMethod.Result send(Flow flow, Submission submission, String method, OneTimeCodes.Extras extras, Mailer mailer,
                                      BiFunction<Flow, String, Flow> sent) {
        Optional<String> email = CodeFlows.email(submission);
        if (email.isEmpty()) {
            return new RecoveryMethod.Answered(CodeFlows.withMessage(flow, Texts.required("email")), false);
        }
        Optional<Identity> owner = steps.ownerOf(flow.tenant(), email.get(), AddressPurpose.RECOVERY);
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.RECOVERY, email.get(),
                owner.map(Identity::id).orElse(null), config.codeLifespan(), extras);
        if (issued.isEmpty()) {
            return new RecoveryMethod.Answered(CodeFlows.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())), false);
        }
        owner.ifPresent(i -> mailer.send(flow, email.get(), i, issued.get()));
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner.map(i -> i.id().toString()).orElse(null)).detail("method", method)
                .detail("flow", flow.flavor().wire()).detail("address_known", owner.isPresent()));
        return new RecoveryMethod.Answered(sent.apply(flow, email.get()), true);
    }

    /**
     * The recovery if the code or link was accepted for an active identity; else the flow with the refusal
     * ({@code refusal}), and the failure's event.
     */
    public RecoveryMethod.Result judge(Flow flow, OneTimeCodes.Checked checked, String method, String sessionMethod,
                                       String refused, Supplier<Flow> refusal) {
        Optional<Identity> identity = checked.verdict() == CodeRules.Verdict.ACCEPTED
                ? identities.find(flow.tenant(), checked.code().identity().toString()).filter(Identity::isActive)
                : Optional.empty();
        if (identity.isEmpty()) {
            events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString())
                    .detail("method", method).detail("reason", checked.verdict() == CodeRules.Verdict.EXHAUSTED
                            ? "too many attempts" : "invalid " + refused));
            return new RecoveryMethod.Answered(refusal.get(), false);
        }
        return new RecoveryMethod.Recovered(identity.get(), sessionMethod);
    }
}
