package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.settings.SettingsHandler;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The recovery flow with the {@code code} and {@code link} methods: a code or a single-use link by e-mail to
 * a recovery address; the right code, or opening the link, signs the user in (a fresh, privileged session),
 * ends their other sessions if so configured, and opens a settings flow to set a new password. An unknown
 * address gets the same answer as a known one, and nothing is sent. A link signs in the browser that opens
 * it (it proves the mailbox, as in Kratos), whose settings flow is then bound to that browser.
 */
@ApplicationScoped
public class RecoveryHandler {

    static final String METHOD = "code_recovery";
    static final String LINK_METHOD = "link_recovery";

    @Inject
    CodeFlows steps;
    @Inject
    OneTimeCodes codes;
    @Inject
    CodeMessages messages;
    @Inject
    FlowService flows;
    @Inject
    IdentityService identities;
    @Inject
    SessionService sessions;
    @Inject
    SessionConfig sessionConfig;
    @Inject
    SettingsHandler settings;
    @Inject
    SelfServiceConfig config;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /** A recovery started by an admin for an identity: the code or link is shown to the admin, not sent. */
    public record AdminCode(Flow flow, OneTimeCodes.Issued code) {
    }

    /** The browser a recovery link was opened in: its CSRF secret (the settings flow is bound to it). */
    public record Browser(String csrfSecret, String csrfHash) {
    }

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        return steps.create(tenant, FlowKind.RECOVERY, flavor, returnTo, requestUrl, actionBase, csrfSecret, csrfHash,
                config.recoveryUse());
    }

    @Transactional
    public CodeStep submit(Flow flow, Submission submission) {
        return steps.dispatch(codes, flow, submission, code -> check(flow, code), (email, method) -> send(flow, email, method));
    }

    private CodeStep send(Flow flow, String email, AddressProof method) {
        Optional<Identity> owner = steps.ownerOf(flow.tenant(), email, AddressPurpose.RECOVERY);
        boolean link = method == AddressProof.LINK;
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.RECOVERY, email,
                owner.map(Identity::id).orElse(null), config.codeLifespan(), link ? OneTimeCodes.Extras.LINK_ONLY : OneTimeCodes.Extras.NONE);
        if (issued.isEmpty()) {
            return CodeStep.refused(steps.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())));
        }
        owner.ifPresent(i -> {
            if (link) {
                messages.send(flow.tenant(), MessageTemplate.RECOVERY_VALID, email, i.id(),
                        Map.of("link", CodeFlows.link(flow, issued.get().linkToken()), "to", email));
            } else {
                messages.send(flow.tenant(), MessageTemplate.RECOVERY_CODE_VALID, email, i.id(), issued.get().code());
            }
        });
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner.map(i -> i.id().toString()).orElse(null)).detail("method", method.wire())
                .detail("flow", flow.flavor().wire()).detail("address_known", owner.isPresent()));
        return CodeStep.accepted(steps.sent(flow, email, link ? Texts.recoveryLinkSent() : Texts.recoveryCodeSent(), method));
    }

    /**
     * A recovery link opened in a browser: signed in there (with a settings flow bound to that browser), or
     * refused with Kratos' 4060004 when the token is wrong, used, replaced, expired or of another flow. A
     * refused token is not counted as a wrong code: 256 random bits cannot be guessed.
     */
    @Transactional
    public CodeStep byLink(Flow flow, String token, Browser browser) {
        OneTimeCodes.Checked checked = codes.checkLink(flow.tenant(), flow.id(), token);
        return recoverOrRefuse(flow, checked, AddressProof.LINK, Flavor.BROWSER, browser);
    }

    private CodeStep check(Flow flow, String presented) {
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.RECOVERY, presented);
        return recoverOrRefuse(flow, checked, AddressProof.CODE, flow.flavor(),
                new Browser(flow.ui().valueOf("csrf_token").orElse(null), flow.csrfHash()));
    }

    /** The recovery if the code or link was accepted for an active identity; else the flow with the refusal. */
    private CodeStep recoverOrRefuse(Flow flow, OneTimeCodes.Checked checked, AddressProof method, Flavor flavor, Browser browser) {
        Optional<Identity> identity = checked.verdict() == CodeRules.Verdict.ACCEPTED
                ? identities.find(flow.tenant(), checked.code().identity().toString()).filter(Identity::isActive)
                : Optional.empty();
        if (identity.isEmpty()) {
            events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString())
                    .detail("method", method.wire()).detail("reason", checked.verdict() == CodeRules.Verdict.EXHAUSTED
                            ? "too many attempts" : "invalid " + (method == AddressProof.LINK ? "token" : "code")));
            return CodeStep.refused(method == AddressProof.LINK ? steps.withMessage(flow, Texts.recoveryTokenInvalid())
                    : steps.refusedCode(flow, Texts.recoveryCodeInvalid()));
        }
        return recovered(flow, identity.get(), method, flavor, browser);
    }

    private CodeStep recovered(Flow flow, Identity identity, AddressProof method, Flavor flavor, Browser browser) {
        SessionService.Issued issued = sessions.issue(identity, method == AddressProof.LINK ? LINK_METHOD : METHOD);
        int revoked = config.recoveryRevokeSessions()
                ? sessions.revokeOthers(flow.tenant(), identity.id(), issued.session().id(), identity.id().toString(), "recovery")
                : 0;
        String base = flow.actionBase();
        Flow next = settings.create(issued.session(), identity, flavor, flow.returnTo(),
                base + "/self-service/settings/" + flavor.wire(), base, browser.csrfSecret(), browser.csrfHash());
        Flow done = steps.passed(flow, Texts.recoverySuccessful(sessionConfig.privilegedMaxAge().toMinutes()));
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(identity.id().toString()).subject(identity.id().toString())
                .detail("method", method.wire()).detail("flow", flavor.wire()).detail("session_id", issued.session().id())
                .detail("sessions_revoked", revoked));
        return new CodeStep(done, true, identity, issued, next);
    }

    /**
     * Admin-initiated recovery (Kratos' {@code POST /admin/recovery/code} and {@code /link}): a browser flow,
     * valid for {@code expiresIn}, waiting for a code or link that is handed to the admin to pass on. The flow
     * belongs to no browser yet: the first browser to open its link is bound to it (see {@code bindToBrowser}).
     */
    @Transactional
    public AdminCode createByAdmin(Identity identity, AddressProof method, Duration expiresIn, String actionBase, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, identity.tenant(), FlowKind.RECOVERY, Flavor.BROWSER, FlowState.CHOOSE_METHOD,
                actionBase + "/admin/recovery/" + method.wire(), null, null, null, null, false,
                new Ui(actionBase + "/self-service/recovery?flow=" + id, "POST", List.of(), List.of()), now, now.plus(expiresIn));
        Flow waiting = flow.sentEmail(method == AddressProof.CODE ? CodeFlows.codeForm(flow, null) : flow.ui());
        flows.save(waiting);
        String address = identity.recoveryAddresses().isEmpty() ? "" : identity.recoveryAddresses().get(0).value();
        OneTimeCodes.Issued code = codes.issue(identity.tenant(), id, CodePurpose.RECOVERY, address, identity.id(), expiresIn,
                method == AddressProof.LINK ? OneTimeCodes.Extras.LINK_ONLY : OneTimeCodes.Extras.NONE).orElseThrow();
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(identity.tenant().value())
                .actor(actor).subject(identity.id().toString()).detail("method", method.wire()).detail("by", "admin"));
        return new AdminCode(waiting, code);
    }

    /**
     * An admin's recovery flow opened in a browser for the first time: from now on it belongs to that browser
     * (its CSRF secret), as flows started in a browser do. A flow already bound is left as it is.
     */
    @Transactional
    public Flow bindToBrowser(Flow flow, Browser browser) {
        if (flow.csrfHash() != null || flow.flavor() != Flavor.BROWSER) {
            return flow;
        }
        Flow bound = flow.boundTo(browser.csrfHash(), flow.ui().withCsrfToken(browser.csrfSecret()));
        flows.update(bound);
        return bound;
    }
}
