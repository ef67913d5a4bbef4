package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.CodeStep;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.settings.SettingsHandler;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The recovery flow with the {@code code} method: a code by e-mail to a recovery address; the right code
 * signs the user in (a fresh, privileged session), ends their other sessions if so configured, and opens a
 * settings flow to set a new password. An unknown address gets the same answer as a known one, and nothing
 * is sent.
 */
@ApplicationScoped
public class RecoveryHandler {

    static final String METHOD = "code_recovery";

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

    /** A recovery started by an admin for an identity: the code is shown to the admin, not sent. */
    public record AdminCode(Flow flow, OneTimeCodes.Issued code) {
    }

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        return steps.create(tenant, FlowKind.RECOVERY, flavor, returnTo, requestUrl, actionBase, csrfSecret, csrfHash);
    }

    @Transactional
    public CodeStep submit(Flow flow, Submission submission) {
        return steps.dispatch(codes, flow, submission, code -> check(flow, code), email -> send(flow, email));
    }

    private CodeStep send(Flow flow, String email) {
        Optional<Identity> owner = steps.ownerOf(flow.tenant(), email,
                i -> i.recoveryAddresses().stream().anyMatch(a -> a.value().equalsIgnoreCase(email)));
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.RECOVERY, email,
                owner.map(Identity::id).orElse(null), config.codeLifespan());
        if (issued.isEmpty()) {
            return CodeStep.refused(steps.withMessage(flow, Texts.codeResentTooSoon(steps.resendSeconds())));
        }
        owner.ifPresent(i -> messages.send(flow.tenant(), MessageTemplate.RECOVERY_CODE_VALID, email, i.id(), issued.get().code()));
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(flow.tenant().value())
                .subject(owner.map(i -> i.id().toString()).orElse(null)).detail("method", "code")
                .detail("flow", flow.flavor().wire()).detail("address_known", owner.isPresent()));
        return CodeStep.accepted(steps.sent(flow, email, Texts.recoveryCodeSent()));
    }

    private CodeStep check(Flow flow, String presented) {
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.RECOVERY, presented);
        Optional<Identity> identity = checked.verdict() == CodeRules.Verdict.ACCEPTED
                ? identities.find(flow.tenant(), checked.code().identity().toString()).filter(Identity::isActive)
                : Optional.empty();
        if (identity.isEmpty()) {
            events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                    .subject(checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString())
                    .detail("method", "code").detail("reason", checked.verdict() == CodeRules.Verdict.EXHAUSTED
                            ? "too many attempts" : "invalid code"));
            return CodeStep.refused(steps.refusedCode(flow, Texts.recoveryCodeInvalid()));
        }
        return recovered(flow, identity.get());
    }

    private CodeStep recovered(Flow flow, Identity identity) {
        SessionService.Issued issued = sessions.issue(identity, METHOD);
        int revoked = config.recoveryRevokeSessions()
                ? sessions.revokeOthers(flow.tenant(), identity.id(), issued.session().id(), identity.id().toString(), "recovery")
                : 0;
        String base = flow.actionBase();
        Flow next = settings.create(issued.session(), identity, flow.flavor(), flow.returnTo(),
                base + "/self-service/settings/" + flow.flavor().wire(), base, flow.ui().valueOf("csrf_token").orElse(null),
                flow.csrfHash());
        Flow done = steps.passed(flow, Texts.recoverySuccessful(sessionConfig.privilegedMaxAge().toMinutes()));
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SUCCEEDED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(identity.id().toString()).subject(identity.id().toString()).detail("method", "code")
                .detail("flow", flow.flavor().wire()).detail("session_id", issued.session().id())
                .detail("sessions_revoked", revoked));
        return new CodeStep(done, true, identity, issued, next);
    }

    /**
     * Admin-initiated recovery (Kratos' {@code POST /admin/recovery/code}): a flow waiting for a code that is
     * valid for {@code expiresIn}, handed to the admin to pass on.
     */
    @Transactional
    public AdminCode createByAdmin(Identity identity, Duration expiresIn, String actionBase, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, identity.tenant(), FlowKind.RECOVERY, Flavor.API, Flow.CHOOSE_METHOD,
                actionBase + "/admin/recovery/code", null, null, null, null, false,
                new dev.gatehouse.selfservice.Ui(actionBase + "/self-service/recovery?flow=" + id, "POST", java.util.List.of(),
                        java.util.List.of()), now, now.plus(expiresIn));
        Flow waiting = flow.with(CodeFlows.codeForm(flow, null), Flow.SENT_EMAIL);
        flows.save(waiting);
        String address = identity.recoveryAddresses().isEmpty() ? "" : identity.recoveryAddresses().get(0).value();
        OneTimeCodes.Issued code = codes.issue(identity.tenant(), id, CodePurpose.RECOVERY, address, identity.id(), expiresIn)
                .orElseThrow();
        events.fire(SecurityEvent.of(SecurityEventType.RECOVERY_SENT, Outcome.SUCCESS).tenant(identity.tenant().value())
                .actor(actor).subject(identity.id().toString()).detail("method", "code").detail("by", "admin"));
        return new AdminCode(waiting, code);
    }
}
