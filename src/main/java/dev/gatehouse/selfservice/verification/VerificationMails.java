package dev.gatehouse.selfservice.verification;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the verification methods that mail something share: the address asked for and its owner, a code or link
 * issued for it (for an unknown address too, so it behaves alike, but sent only to a known one), and marking
 * the address verified when it comes back, with their events.
 */
@ApplicationScoped
public class VerificationMails {

    static final String VIA_EMAIL = "email";
    static final String VIA_SMS = "sms";

    private OneTimeCodes codes;
    private IdentityService identities;
    private CodeFlows steps;
    private SecurityEvents events;
    private SelfServiceConfig config;

    /** What a method mails: the code just issued, to the owner of the address. */
    @FunctionalInterface
    public interface Mailer {
        void send(String email, Identity owner, OneTimeCodes.Issued issued);
    }

    protected VerificationMails() {
        // for the container's proxy
    }

    @Inject
    public VerificationMails(OneTimeCodes codes, IdentityService identities, CodeFlows steps, SecurityEvents events,
                             SelfServiceConfig config) {
        this.codes = codes;
        this.identities = identities;
        this.steps = steps;
        this.events = events;
        this.config = config;
    }

    /**
     * A submission giving an address: sent to its owner with {@code method}'s {@link VerificationMethod#send}. As in
     * Kratos, the {@code email} field may hold a phone number instead, verified by an SMS code (the {@code code}
     * method only: a link is e-mailed).
     */
    public VerificationMethod.Result submitted(Flow flow, Submission submission, VerificationMethod method) {
        Optional<String> number = submission.field("email").filter(v -> !v.contains("@"))
                .map(identities::normaliseIdentifier).filter(v -> v.startsWith("+") && method.bySms());
        if (number.isPresent()) {
            Optional<Identity> owner = identities.findByPhoneNumber(flow.tenant(), AddressPurpose.VERIFICATION, number.get())
                    .filter(Identity::isActive).filter(i -> i.verifiableAddresses().stream()
                            .anyMatch(a -> VIA_SMS.equals(a.via()) && a.value().equals(number.get())));
            return method.send(flow, number.get(), owner.orElse(null));
        }
        Optional<String> email = CodeFlows.email(submission);
        if (email.isEmpty()) {
            return new VerificationMethod.Answered(CodeFlows.withMessage(flow, Texts.required("email")), false);
        }
        Optional<Identity> owner = steps.ownerOf(flow.tenant(), email.get(), AddressPurpose.VERIFICATION)
                .filter(i -> i.verifiableAddresses().stream()
                        .anyMatch(a -> VIA_EMAIL.equals(a.via()) && a.value().equalsIgnoreCase(email.get())));
        return method.send(flow, email.get(), owner.orElse(null));
    }

    /**
     * Issues a code (with {@code extras}) for the address and mails it with {@code mailer} if the owner is known;
     * whether one was issued (not if one was sent too recently).
     */
    public boolean issue(Flow flow, String email, Identity owner, String method, OneTimeCodes.Extras extras, Mailer mailer) {
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, email,
                owner == null ? null : owner.id(), config.codeLifespan(), extras);
        if (issued.isEmpty()) {
            return false;
        }
        if (owner != null) {
            mailer.send(email, owner, issued.get());
        }
        events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner == null ? null : owner.id().toString()).detail("method", method)
                .detail("flow", flow.flavor().wire()).detail("address_known", owner != null));
        return true;
    }

    /** The flow refused because a code was sent too recently. */
    public VerificationMethod.Answered tooSoon(Flow flow) {
        return new VerificationMethod.Answered(CodeFlows.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())), false);
    }

    /**
     * Marks the address verified if the code or link was accepted; else the flow with the refusal ({@code refusal})
     * and the failure's event.
     */
    public VerificationMethod.Result verify(Flow flow, OneTimeCodes.Checked checked, String method, Supplier<Flow> refusal) {
        boolean verified = checked.verdict() == CodeRules.Verdict.ACCEPTED
                && identities.markVerified(flow.tenant(), checked.code().identity(), checked.code().address());
        String subject = checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString();
        if (!verified) {
            events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(subject).detail("method", method).detail("reason",
                            checked.verdict() == CodeRules.Verdict.EXHAUSTED ? "too many attempts" : "invalid " + method));
            return new VerificationMethod.Answered(refusal.get(), false);
        }
        return new VerificationMethod.Verified(CodeFlows.passed(flow, Texts.verificationSuccessful()), subject);
    }

    static boolean verifiableByEmail(VerifiableAddress a) {
        return !a.verified() && VIA_EMAIL.equals(a.via());
    }

    /** Whether {@code method} can verify the unverified address: an e-mail address, or a phone number by SMS code. */
    static boolean verifiableBy(VerifiableAddress a, VerificationMethod method) {
        return verifiableByEmail(a) || !a.verified() && VIA_SMS.equals(a.via()) && method.bySms();
    }
}
