package dev.gatehouse.selfservice.verification;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verification flow:
 * <pre>
 *   choose_method ──address──▶ sent_email ──right code / link opened──▶ passed_challenge (address verified)
 *                                │  ▲ address again (new code or link, rate-limited), wrong code
 *                                └──┘ (max attempts: spent)
 * </pre>
 * The {@link VerificationMethod} beans prove the address ({@code code}: typed code, {@code link}: opened link),
 * to an address the identity schema marks {@code verification.via: email}. Registration, and a settings change
 * that adds such an address, start one flow per unverified address (with the method
 * {@code gatehouse.selfservice.verification.use} names). An unknown address gets the same answer as a known one,
 * and nothing is sent. Each submission is one transaction.
 */
@ApplicationScoped
public class VerificationHandler {

    private CodeFlows steps;
    private OneTimeCodes codes;
    private FlowService flows;
    private List<VerificationMethod> methods;
    private SelfServiceConfig config;
    private SecurityEvents events;
    private Transactions transactions;

    protected VerificationHandler() {
        // for the container's proxy
    }

    @Inject
    public VerificationHandler(CodeFlows steps, OneTimeCodes codes, FlowService flows, Instance<VerificationMethod> methods,
                               SelfServiceConfig config, SecurityEvents events, Transactions transactions) {
        this(steps, codes, flows, (Iterable<VerificationMethod>) methods, config, events, transactions);
    }

    public VerificationHandler(CodeFlows steps, OneTimeCodes codes, FlowService flows, Iterable<VerificationMethod> methods,
                               SelfServiceConfig config, SecurityEvents events, Transactions transactions) {
        this.steps = steps;
        this.codes = codes;
        this.flows = flows;
        this.methods = FlowMethod.sorted(methods);
        this.config = config;
        this.events = events;
        this.transactions = transactions;
    }

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        VerificationMethod offered = offered();
        return steps.create(tenant, FlowKind.VERIFICATION, flavor, returnTo, requestUrl, actionBase, csrfHash,
                action -> offered.form(action, csrfSecret));
    }

    private VerificationMethod offered() {
        String use = config.verificationUse().wire();
        return FlowMethod.named(methods, use).orElseThrow(() -> new IllegalStateException("no verification method " + use));
    }

    /**
     * A submission: to the method that claims it, else to the one it names (or the flow offers); a flow whose
     * wrong codes are used up is refused first.
     */
    public CodeStep submit(Flow flow, Submission submission) {
        return transactions.call(() -> {
            if (codes.isExhausted(flow.tenant(), flow.id())) {
                throw new FlowError(FlowError.Kind.SPENT);
            }
            Optional<VerificationMethod> method = methods.stream().filter(m -> m.claims(flow, submission)).findFirst()
                    .or(() -> CodeFlows.namedMethod(flow, submission).flatMap(id -> FlowMethod.named(methods, id)));
            if (method.isEmpty()) {
                return finish(flow, null, new VerificationMethod.Answered(
                        CodeFlows.withMessage(flow, Texts.generic("Choose the method code or link.")), false));
            }
            return finish(flow, method.get(), method.get().submit(flow, submission));
        });
    }

    /**
     * A verification link opened (in any browser: it proves the mailbox, and signs nobody in): the address is
     * verified, or the flow carries Kratos' 4070001 when the token is wrong, used, replaced, expired or of
     * another flow.
     */
    public CodeStep byLink(Flow flow, String token) {
        return transactions.call(() -> {
            for (VerificationMethod m : methods) {
                Optional<VerificationMethod.Result> opened = m.openLink(flow, token);
                if (opened.isPresent()) {
                    return finish(flow, m, opened.get());
                }
            }
            throw new FlowError(FlowError.Kind.NOT_FOUND);
        });
    }

    private CodeStep finish(Flow flow, VerificationMethod method, VerificationMethod.Result result) {
        if (result instanceof VerificationMethod.Verified v) {
            events.fire(SecurityEvent.of(SecurityEventType.VERIFICATION_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                    .actor(v.subject()).subject(v.subject()).detail("method", method.id()).detail("flow", flow.flavor().wire()));
        }
        flows.update(result.flow());
        boolean accepted = result instanceof VerificationMethod.Verified || ((VerificationMethod.Answered) result).accepted();
        return accepted ? CodeStep.accepted(result.flow()) : CodeStep.refused(result.flow());
    }

    /**
     * After a registration: one verification flow per unverified e-mail address, each already waiting for
     * the code that was just sent (of the registration's flavor and browser, so the user can go on there).
     */
    public List<Flow> startAfterRegistration(Flow registration, Identity identity) {
        return startFor(identity, identity.verifiableAddresses().stream().map(VerifiableAddress::value).toList(),
                registration.flavor(), registration.returnTo(), registration.actionBase(),
                registration.ui().valueOf("csrf_token").orElse(null), registration.csrfHash());
    }

    /**
     * One verification flow per address in {@code addresses} that the identity has unverified and verifiable
     * by e-mail (or by SMS, when the offered method is {@code code}), each waiting for the code or link just sent (after a registration, or a settings change).
     */
    public List<Flow> startFor(Identity identity, List<String> addresses, Flavor flavor, String returnTo, String base,
                               String csrfSecret, String csrfHash) {
        return transactions.call(() -> {
            List<Flow> started = new ArrayList<>();
            VerificationMethod method = offered();
            for (VerifiableAddress a : identity.verifiableAddresses()) {
                if (VerificationMails.verifiableBy(a, method) && addresses.stream().anyMatch(a.value()::equalsIgnoreCase)) {
                    Flow flow = create(identity.tenant(), flavor, returnTo, base + "/self-service/verification/" + flavor.wire(), base,
                            csrfSecret, csrfHash);
                    Flow sent = method.send(flow, a.value(), identity).flow();
                    flows.update(sent);
                    started.add(sent);
                }
            }
            return started;
        });
    }
}
