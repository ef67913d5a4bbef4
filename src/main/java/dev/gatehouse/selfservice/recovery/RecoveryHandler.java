package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.settings.SettingsHandler;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recovery flow:
 * <pre>
 *   choose_method ──address──▶ sent_email ──right code / link opened──▶ passed_challenge (signed in)
 *                                │  ▲ address again (new code or link, rate-limited), wrong code
 *                                └──┘ (max attempts: spent)
 *   started by an admin: sent_email without a browser until its link is first opened in one, which binds it there.
 * </pre>
 * The {@link RecoveryMethod} beans prove the address ({@code code}: typed code, {@code link}: opened link); the
 * right one signs the user in (a fresh, privileged session), ends their other sessions if so configured, and
 * opens a settings flow to set a new password. An unknown address gets the same answer as a known one, and
 * nothing is sent. A link signs in the browser that opens it (it proves the mailbox, as in Kratos), whose
 * settings flow is then bound to that browser. Each submission is one transaction.
 */
@ApplicationScoped
public class RecoveryHandler {

    private CodeFlows steps;
    private OneTimeCodes codes;
    private FlowService flows;
    private List<RecoveryMethod> methods;
    private SessionService sessions;
    private SessionConfig sessionConfig;
    private SettingsHandler settings;
    private SelfServiceConfig config;
    private SecurityEvents events;
    private Transactions transactions;
    private Clock clock;

    /** A recovery started by an admin for an identity: the code or link is shown to the admin, not sent. */
    public record AdminCode(Flow flow, OneTimeCodes.Issued code) {
    }

    /** The browser a recovery link was opened in: its CSRF secret (the settings flow is bound to it). */
    public record Browser(String csrfSecret, String csrfHash) {
    }

    protected RecoveryHandler() {
        // for the container's proxy
    }

    @Inject
    public RecoveryHandler(CodeFlows steps, OneTimeCodes codes, FlowService flows, Instance<RecoveryMethod> methods,
                           SessionService sessions, SessionConfig sessionConfig, SettingsHandler settings,
                           SelfServiceConfig config, SecurityEvents events, Transactions transactions, Clock clock) {
        this(steps, codes, flows, (Iterable<RecoveryMethod>) methods, sessions, sessionConfig, settings, config, events,
                transactions, clock);
    }

    public RecoveryHandler(CodeFlows steps, OneTimeCodes codes, FlowService flows, Iterable<RecoveryMethod> methods,
                           SessionService sessions, SessionConfig sessionConfig, SettingsHandler settings,
                           SelfServiceConfig config, SecurityEvents events, Transactions transactions, Clock clock) {
        this.steps = steps;
        this.codes = codes;
        this.flows = flows;
        this.methods = FlowMethod.sorted(methods);
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.settings = settings;
        this.config = config;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        RecoveryMethod offered = method(config.recoveryUse());
        return steps.create(tenant, FlowKind.RECOVERY, flavor, returnTo, requestUrl, actionBase, csrfHash,
                action -> offered.form(action, csrfSecret));
    }

    private RecoveryMethod method(AddressProof proof) {
        return FlowMethod.named(methods, proof.wire())
                .orElseThrow(() -> new IllegalStateException("no recovery method " + proof.wire()));
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
            Optional<RecoveryMethod> method = methods.stream().filter(m -> m.claims(flow, submission)).findFirst()
                    .or(() -> CodeFlows.namedMethod(flow, submission).flatMap(id -> FlowMethod.named(methods, id)));
            RecoveryMethod.Result result = method.isPresent() ? method.get().submit(flow, submission)
                    : new RecoveryMethod.Answered(CodeFlows.withMessage(flow, Texts.generic("Choose the method code or link.")), false);
            return finish(flow, method.map(RecoveryMethod::id).orElse(null), result, flow.flavor(),
                    new Browser(flow.ui().valueOf("csrf_token").orElse(null), flow.csrfHash()));
        });
    }

    /**
     * A recovery link opened in a browser: signed in there (with a settings flow bound to that browser), or
     * refused with Kratos' 4060004 when the token is wrong, used, replaced, expired or of another flow.
     */
    public CodeStep byLink(Flow flow, String token, Browser browser) {
        return transactions.call(() -> {
            for (RecoveryMethod m : methods) {
                Optional<RecoveryMethod.Result> opened = m.openLink(flow, token);
                if (opened.isPresent()) {
                    return finish(flow, m.id(), opened.get(), Flavor.BROWSER, browser);
                }
            }
            throw new FlowError(FlowError.Kind.NOT_FOUND);
        });
    }

    private CodeStep finish(Flow flow, String method, RecoveryMethod.Result result, Flavor flavor, Browser browser) {
        if (result instanceof RecoveryMethod.Recovered r) {
            return recovered(flow, r, method, flavor, browser);
        }
        RecoveryMethod.Answered a = (RecoveryMethod.Answered) result;
        flows.update(a.flow());
        return a.accepted() ? CodeStep.accepted(a.flow()) : CodeStep.refused(a.flow());
    }

    private CodeStep recovered(Flow flow, RecoveryMethod.Recovered proven, String method, Flavor flavor, Browser browser) {
        Identity identity = proven.identity();
        SessionService.Issued issued = sessions.issue(identity, proven.sessionMethod());
        int revoked = config.recoveryRevokeSessions()
                ? sessions.revokeOthers(flow.tenant(), identity.id(), issued.session().id(), identity.id().toString(), "recovery")
                : 0;
        String base = flow.actionBase();
        Flow next = settings.create(issued.session(), identity, flavor, flow.returnTo(),
                base + "/self-service/settings/" + flavor.wire(), base, browser.csrfSecret(), browser.csrfHash());
        Flow done = CodeFlows.passed(flow, Texts.recoverySuccessful(sessionConfig.privilegedMaxAge().toMinutes()));
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(identity.id().toString()).subject(identity.id().toString())
                .detail("method", method).detail("flow", flavor.wire()).detail("session_id", issued.session().id())
                .detail("sessions_revoked", revoked));
        return new CodeStep(done, true, identity, issued, next);
    }

    /**
     * Admin-initiated recovery (Kratos' {@code POST /admin/recovery/code} and {@code /link}): a browser flow,
     * valid for {@code expiresIn}, waiting for a code or link that is handed to the admin to pass on. The flow
     * belongs to no browser yet: the first browser to open its link is bound to it (see {@code bindToBrowser}).
     */
    public AdminCode createByAdmin(Identity identity, AddressProof proof, Duration expiresIn, String actionBase, String actor) {
        RecoveryMethod method = method(proof);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, identity.tenant(), FlowKind.RECOVERY, Flavor.BROWSER, FlowState.CHOOSE_METHOD,
                actionBase + "/admin/recovery/" + proof.wire(), null, null, null, null, false,
                new Ui(actionBase + "/self-service/recovery?flow=" + id, "POST", List.of(), List.of()), now, now.plus(expiresIn));
        Flow waiting = flow.sentEmail(method.adminForm(flow));
        String address = identity.recoveryAddresses().isEmpty() ? "" : identity.recoveryAddresses().get(0).value();
        return transactions.call(() -> {
            flows.save(waiting);
            OneTimeCodes.Issued code = codes.issue(identity.tenant(), id, CodePurpose.RECOVERY, address, identity.id(), expiresIn,
                    method.adminExtras()).orElseThrow();
            events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(identity.tenant().value())
                    .actor(actor).subject(identity.id().toString()).detail("method", proof.wire()).detail("by", "admin"));
            return new AdminCode(waiting, code);
        });
    }

    /**
     * An admin's recovery flow opened in a browser for the first time: from now on it belongs to that browser
     * (its CSRF secret), as flows started in a browser do. A flow already bound is left as it is.
     */
    public Flow bindToBrowser(Flow flow, Browser browser) {
        if (flow.csrfHash() != null || flow.flavor() != Flavor.BROWSER) {
            return flow;
        }
        Flow bound = flow.boundTo(browser.csrfHash(), flow.ui().withCsrfToken(browser.csrfSecret()));
        flows.update(bound);
        return bound;
    }
}
