package dev.gatehouse.selfservice.settings;

import dev.gatehouse.credential.password.PasswordPolicy;
import dev.gatehouse.credential.password.PolicyViolation;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.FormMessages;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.registration.TraitNodes;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The settings flow: change traits (method {@code profile}) and password (method {@code password}).
 * Changing the password or a login identifier needs a recent sign-in (privileged session); otherwise the
 * answer asks for a fresh sign-in. A new verifiable address starts unverified and is sent a verification
 * message.
 */
@ApplicationScoped
public class SettingsHandler {

    @Inject
    FlowService flows;
    @Inject
    IdentitySchemas schemas;
    @Inject
    IdentityService identities;
    @Inject
    PasswordPolicy policy;
    @Inject
    SessionService sessions;
    @Inject
    SecurityEvents events;
    @Inject
    SelfServiceConfig config;
    @Inject
    VerificationHandler verification;
    @Inject
    Clock clock;

    public Flow create(Session session, Identity identity, Flavor flavor, String returnTo, String requestUrl,
                       String actionBase, String csrfSecret, String csrfHash) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, identity.tenant(), FlowKind.SETTINGS, flavor, FlowState.SHOW_FORM, requestUrl, returnTo, csrfHash,
                identity.id(), session.id(), false, ui(actionBase + "/self-service/settings?flow=" + id, csrfSecret, identity),
                now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    private Ui ui(String action, String csrfSecret, Identity identity) {
        List<UiNode> nodes = new ArrayList<>();
        if (csrfSecret != null) {
            nodes.add(UiNode.input("default", "csrf_token", "hidden", Json.createValue(csrfSecret), true, null, null));
        }
        nodes.addAll(TraitNodes.of(schemaOf(identity).document(), identity.traits(), "profile"));
        nodes.add(UiNode.input("profile", "method", "submit", Json.createValue("profile"), false, null, Texts.save()));
        nodes.add(UiNode.input("password", "password", "password", null, true, "new-password", Texts.passwordLabel()));
        nodes.add(UiNode.input("password", "method", "submit", Json.createValue("password"), false, null, Texts.save()));
        return new Ui(action, "POST", nodes, List.of());
    }

    private IdentitySchema schemaOf(Identity identity) {
        return schemas.find(identity.schemaId()).orElse(schemas.defaultSchema());
    }

    /** Applies a submission by the holder of a session; the flow must be theirs. */
    public Flow submit(Flow flow, Submission submission, SessionService.Authenticated holder) {
        if (!Objects.equals(flow.identity(), holder.identity().id())) {
            throw new FlowError(FlowError.Kind.NOT_FOUND);
        }
        Ui base = ui(flow.ui().action(), flow.ui().valueOf("csrf_token").orElse(null), holder.identity());
        return switch (submission.field("method").orElse("")) {
            case "password" -> password(flow, base, submission, holder);
            case "profile" -> profile(flow, base, submission, holder);
            default -> fail(flow, base.withMessage(Texts.generic("Choose what to change: profile or password.")));
        };
    }

    private Flow password(Flow flow, Ui ui, Submission submission, SessionService.Authenticated holder) {
        requirePrivileged(holder.session());
        Identity identity = holder.identity();
        Optional<String> password = submission.field("password");
        if (password.isEmpty()) {
            return fail(flow, ui.mapNode("password", n -> n.withMessage(Texts.required("password"))));
        }
        List<PolicyViolation> violations = policy.check(password.get(),
                schemaOf(identity).identifiers(CredentialKind.PASSWORD, identity.traits()));
        if (!violations.isEmpty()) {
            return fail(flow, FormMessages.policyViolations(ui, violations));
        }
        identities.replace(identity.tenant(), identity.id().toString(), draft(identity, identity.traits(),
                Optional.of(new IdentityDraft.PlainPassword(password.get()))), identity.id().toString());
        changed(flow, holder, "password");
        return succeed(flow, ui);
    }

    private Flow profile(Flow flow, Ui ui, Submission submission, SessionService.Authenticated holder) {
        Identity identity = holder.identity();
        JsonObject traits = submission.traits();
        IdentitySchema schema = schemaOf(identity);
        Ui refilled = FormMessages.refill(ui, traits);
        List<TraitError> errors = schema.validate(traits);
        if (!errors.isEmpty()) {
            return fail(flow, FormMessages.traitErrors(refilled, errors));
        }
        if (!schema.identifiers(CredentialKind.PASSWORD, traits).equals(schema.identifiers(CredentialKind.PASSWORD, identity.traits()))) {
            requirePrivileged(holder.session());
        }
        Identity updated;
        try {
            updated = identities.replace(identity.tenant(), identity.id().toString(), draft(identity, traits, Optional.empty()),
                    identity.id().toString());
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                return fail(flow, refilled.withMessage(Texts.duplicateCredentials()));
            }
            throw e;
        }
        verifyNewAddresses(flow, identity, updated);
        changed(flow, holder, "profile");
        return succeed(flow, refilled);
    }

    /** A verifiable address the change added starts unverified and gets a verification message, as at sign-up. */
    private void verifyNewAddresses(Flow flow, Identity before, Identity after) {
        List<String> added = after.verifiableAddresses().stream().map(VerifiableAddress::value)
                .filter(v -> before.verifiableAddresses().stream().noneMatch(a -> a.value().equalsIgnoreCase(v))).toList();
        if (!added.isEmpty()) {
            verification.startFor(after, added, flow.flavor(), flow.returnTo(), flow.actionBase(),
                    flow.ui().valueOf("csrf_token").orElse(null), flow.csrfHash());
        }
    }

    private void requirePrivileged(Session session) {
        if (!sessions.isPrivileged(session)) {
            throw new FlowError(FlowError.Kind.REFRESH_REQUIRED);
        }
    }

    private static IdentityDraft draft(Identity identity, JsonObject traits, Optional<IdentityDraft.PasswordInput> password) {
        return new IdentityDraft(Optional.of(identity.schemaId()), traits, Optional.of(identity.state()),
                identity.metadataPublic(), identity.metadataAdmin(), password, List.of());
    }

    private void changed(Flow flow, SessionService.Authenticated holder, String what) {
        events.fire(SecurityEvent.of(SecurityEventType.SETTINGS_CHANGED, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(holder.identity().id().toString()).subject(holder.identity().id().toString())
                .detail("method", what).detail("flow", flow.flavor().wire()));
    }

    private Flow succeed(Flow flow, Ui ui) {
        Flow done = flow.saved(ui.withMessage(Texts.settingsSaved()));
        flows.update(done);
        return done;
    }

    private Flow fail(Flow flow, Ui ui) {
        Flow updated = flow.refused(ui);
        flows.update(updated);
        return updated;
    }
}
