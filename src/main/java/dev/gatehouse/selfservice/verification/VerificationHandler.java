package dev.gatehouse.selfservice.verification;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.AddressProof;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verification flow with the {@code code} and {@code link} methods: a code or a single-use link by e-mail
 * to an address the identity schema marks {@code verification.via: email}; the right code, or opening the
 * link, marks the address verified. Registration, and a settings change that adds such an address, start one
 * flow per unverified address (with the method {@code gatehouse.selfservice.verification.use} names). An
 * unknown address gets the same answer as a known one, and nothing is sent.
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
        return steps.create(tenant, FlowKind.VERIFICATION, flavor, returnTo, requestUrl, actionBase, csrfSecret, csrfHash,
                config.verificationUse());
    }

    @Transactional
    public CodeStep submit(Flow flow, Submission submission) {
        return steps.dispatch(codes, flow, submission, code -> check(flow, code), (email, method) -> {
            Optional<Identity> owner = steps.ownerOf(flow.tenant(), email, AddressPurpose.VERIFICATION)
                    .filter(i -> addressOf(i, email).isPresent());
            return send(flow, email, owner.orElse(null), method)
                    ? CodeStep.accepted(steps.sent(flow, email, sentMessage(method), method))
                    : CodeStep.refused(steps.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())));
        });
    }

    /**
     * After a registration: one verification flow per unverified e-mail address, each already waiting for
     * the code that was just sent (of the registration's flavor and browser, so the user can go on there).
     */
    @Transactional
    public List<Flow> startAfterRegistration(Flow registration, Identity identity) {
        return startFor(identity, identity.verifiableAddresses().stream().map(VerifiableAddress::value).toList(),
                registration.flavor(), registration.returnTo(), registration.actionBase(),
                registration.ui().valueOf("csrf_token").orElse(null), registration.csrfHash());
    }

    /**
     * One verification flow per address in {@code addresses} that the identity has unverified and verifiable
     * by e-mail, each waiting for the code or link just sent (after a registration, or a settings change).
     */
    @Transactional
    public List<Flow> startFor(Identity identity, List<String> addresses, Flavor flavor, String returnTo, String base,
                               String csrfSecret, String csrfHash) {
        List<Flow> started = new ArrayList<>();
        AddressProof method = config.verificationUse();
        for (VerifiableAddress a : identity.verifiableAddresses()) {
            if (!a.verified() && VIA_EMAIL.equals(a.via()) && addresses.stream().anyMatch(a.value()::equalsIgnoreCase)) {
                Flow flow = create(identity.tenant(), flavor, returnTo, base + "/self-service/verification/" + flavor.wire(), base,
                        csrfSecret, csrfHash);
                send(flow, a.value(), identity, method);
                started.add(steps.sent(flow, a.value(), sentMessage(method), method));
            }
        }
        return started;
    }

    private static dev.gatehouse.selfservice.UiText sentMessage(AddressProof method) {
        return method == AddressProof.LINK ? Texts.verificationLinkSent() : Texts.verificationCodeSent();
    }

    /** Issues a code or link (for an unknown address too, so it behaves alike) and sends it if the address is known. */
    private boolean send(Flow flow, String email, Identity owner, AddressProof method) {
        boolean link = method == AddressProof.LINK;
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, email,
                owner == null ? null : owner.id(), config.codeLifespan(), link ? OneTimeCodes.Extras.LINK_ONLY : OneTimeCodes.Extras.NONE);
        if (issued.isEmpty()) {
            return false;
        }
        if (owner != null && link) {
            messages.send(flow.tenant(), MessageTemplate.VERIFICATION_VALID, email, owner.id(),
                    Map.of("link", CodeFlows.link(flow, issued.get().linkToken()), "to", email));
        } else if (owner != null) {
            messages.send(flow.tenant(), MessageTemplate.VERIFICATION_CODE_VALID, email, owner.id(), issued.get().code());
        }
        events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner == null ? null : owner.id().toString()).detail("method", method.wire())
                .detail("flow", flow.flavor().wire()).detail("address_known", owner != null));
        return true;
    }

    private CodeStep check(Flow flow, String presented) {
        return verified(flow, codes.check(flow.tenant(), flow.id(), CodePurpose.VERIFICATION, presented), AddressProof.CODE);
    }

    /**
     * A verification link opened (in any browser: it proves the mailbox, and signs nobody in): the address is
     * verified, or the flow carries Kratos' 4070001 when the token is wrong, used, replaced, expired or of
     * another flow.
     */
    @Transactional
    public CodeStep byLink(Flow flow, String token) {
        return verified(flow, codes.checkLink(flow.tenant(), flow.id(), token), AddressProof.LINK);
    }

    private CodeStep verified(Flow flow, OneTimeCodes.Checked checked, AddressProof method) {
        boolean verified = checked.verdict() == CodeRules.Verdict.ACCEPTED
                && identities.markVerified(flow.tenant(), checked.code().identity(), checked.code().address());
        String subject = checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString();
        if (!verified) {
            events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(subject).detail("method", method.wire()).detail("reason",
                            checked.verdict() == CodeRules.Verdict.EXHAUSTED ? "too many attempts" : "invalid " + method.wire()));
            return CodeStep.refused(method == AddressProof.LINK ? steps.withMessage(flow, Texts.verificationTokenInvalid())
                    : steps.refusedCode(flow, Texts.verificationCodeInvalid()));
        }
        events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(subject).subject(subject).detail("method", method.wire()).detail("flow", flow.flavor().wire()));
        return CodeStep.accepted(steps.passed(flow, Texts.verificationSuccessful()));
    }

    private static Optional<VerifiableAddress> addressOf(Identity identity, String email) {
        return identity.verifiableAddresses().stream()
                .filter(a -> VIA_EMAIL.equals(a.via()) && a.value().equalsIgnoreCase(email)).findFirst();
    }
}
