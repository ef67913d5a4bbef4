package dev.gatehouse.selfservice.verification;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verification flow with the {@code code} method: a code by e-mail to an address the identity schema
 * marks {@code verification.via: email}; the right code marks the address verified. Registration starts one
 * such flow per address. An unknown address gets the same answer as a known one, and nothing is sent.
 */
@ApplicationScoped
public class VerificationHandler {

    private static final String VIA_EMAIL = "email";

    @Inject
    CodeFlows steps;
    @Inject
    OneTimeCodes codes;
    @Inject
    CodeMessages messages;
    @Inject
    IdentityService identities;
    @Inject
    SelfServiceConfig config;
    @Inject
    SecurityEvents events;

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        return steps.create(tenant, FlowKind.VERIFICATION, flavor, returnTo, requestUrl, actionBase, csrfSecret, csrfHash);
    }

    @Transactional
    public CodeStep submit(Flow flow, Submission submission) {
        return steps.dispatch(codes, flow, submission, code -> check(flow, code), email -> {
            Optional<Identity> owner = steps.ownerOf(flow.tenant(), email, i -> addressOf(i, email).isPresent());
            return send(flow, email, owner.orElse(null))
                    ? CodeStep.accepted(steps.sent(flow, email, Texts.verificationCodeSent()))
                    : CodeStep.refused(steps.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())));
        });
    }

    /**
     * After a registration: one verification flow per unverified e-mail address, each already waiting for
     * the code that was just sent (of the registration's flavor and browser, so the user can go on there).
     */
    @Transactional
    public List<Flow> startAfterRegistration(Flow registration, Identity identity) {
        List<Flow> started = new ArrayList<>();
        for (VerifiableAddress a : identity.verifiableAddresses()) {
            if (!a.verified() && VIA_EMAIL.equals(a.via())) {
                String base = registration.actionBase();
                Flow flow = create(identity.tenant(), registration.flavor(), registration.returnTo(),
                        base + "/self-service/verification/" + registration.flavor().wire(), base,
                        registration.ui().valueOf("csrf_token").orElse(null), registration.csrfHash());
                send(flow, a.value(), identity);
                started.add(steps.sent(flow, a.value(), Texts.verificationCodeSent()));
            }
        }
        return started;
    }

    /** Issues a code (for an unknown address too, so it behaves alike) and sends it if the address is known. */
    private boolean send(Flow flow, String email, Identity owner) {
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, email,
                owner == null ? null : owner.id(), config.codeLifespan());
        if (issued.isEmpty()) {
            return false;
        }
        if (owner != null) {
            messages.send(flow.tenant(), MessageTemplate.VERIFICATION_CODE_VALID, email, owner.id(), issued.get().code());
        }
        events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner == null ? null : owner.id().toString()).detail("method", "code")
                .detail("flow", flow.flavor().wire()).detail("address_known", owner != null));
        return true;
    }

    private CodeStep check(Flow flow, String presented) {
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, presented);
        boolean verified = checked.verdict() == CodeRules.Verdict.ACCEPTED
                && identities.markVerified(flow.tenant(), checked.code().identity(), checked.code().address());
        String subject = checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString();
        if (!verified) {
            events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(subject).detail("method", "code").detail("reason",
                            checked.verdict() == CodeRules.Verdict.EXHAUSTED ? "too many attempts" : "invalid code"));
            return CodeStep.refused(steps.refusedCode(flow, Texts.verificationCodeInvalid()));
        }
        events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(subject).subject(subject).detail("method", "code").detail("flow", flow.flavor().wire()));
        return CodeStep.accepted(steps.passed(flow, Texts.verificationSuccessful()));
    }

    private static Optional<VerifiableAddress> addressOf(Identity identity, String email) {
        return identity.verifiableAddresses().stream()
                .filter(a -> VIA_EMAIL.equals(a.via()) && a.value().equalsIgnoreCase(email)).findFirst();
    }
}
