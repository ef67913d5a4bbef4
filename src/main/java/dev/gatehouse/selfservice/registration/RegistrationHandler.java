package dev.gatehouse.selfservice.registration;

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
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.FormMessages;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registration flow with the password method: traits checked by the default identity schema, the
 * password by the password policy, then the identity is created and signed in, and each of its e-mail
 * addresses to verify gets a verification flow with a code. With the {@code code} method (see
 * {@link CodeRegistration}) the identity has no password: its address is proven by a code first, and stored
 * as verified.
 */
@ApplicationScoped
public class RegistrationHandler {

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
    VerificationHandler verification;
    @Inject
    SecurityEvents events;
    @Inject
    SelfServiceConfig config;
    @Inject
    CodeRegistration code;
    @Inject
    Clock clock;

    /** How a submission ended. */
    public sealed interface Result permits Succeeded, Sent, Failed {
        Flow flow();
    }

    /** A sign-up code was sent: the flow waits for it. */
    public record Sent(Flow flow) implements Result {
    }

    /** @param verification the first verification flow started for the new identity's addresses, or null */
    public record Succeeded(Flow flow, Identity identity, SessionService.Issued session, Flow verification) implements Result {
    }

    public record Failed(Flow flow) implements Result {
    }

    public Flow create(TenantId tenant, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfSecret, String csrfHash) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, tenant, FlowKind.REGISTRATION, flavor, FlowState.CHOOSE_METHOD, requestUrl, returnTo, csrfHash,
                null, null, false, ui(actionBase + "/self-service/registration?flow=" + id, csrfSecret, JsonValue.EMPTY_JSON_OBJECT),
                now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    private Ui ui(String action, String csrfSecret, JsonObject traits) {
        List<UiNode> nodes = new ArrayList<>();
        if (csrfSecret != null) {
            nodes.add(UiNode.input("default", "csrf_token", "hidden", Json.createValue(csrfSecret), true, null, null));
        }
        nodes.addAll(TraitNodes.of(schemas.defaultSchema().document(), traits, "default"));
        nodes.add(UiNode.input("password", "password", "password", null, true, "new-password", Texts.passwordLabel()));
        nodes.add(UiNode.input("password", "method", "submit", Json.createValue("password"), false, null, Texts.signUp()));
        nodes.add(CodeRegistration.button());
        return new Ui(action, "POST", nodes, List.of());
    }

    public Result submit(Flow flow, Submission submission) {
        JsonObject traits = submission.traits();
        Ui ui = FormMessages.refill(flow.ui().withoutMessages(), traits);
        String method = submission.field("method").orElse("password");
        IdentitySchema schema = schemas.defaultSchema();
        if (method.equals("code")) {
            CodeRegistration.Step step = code.submit(flow, submission, ui, schema);
            if (step instanceof CodeRegistration.Proven p) {
                // the code proved the address: it is stored verified, and there is no password
                return register(flow, ui, new IdentityDraft(Optional.of(schema.id()), p.traits(), Optional.empty(), JsonValue.NULL,
                        JsonValue.NULL, Optional.empty(), List.of(new IdentityDraft.ImportedAddress("email", p.address(), true,
                        VerifiableAddress.Status.COMPLETED))), "code");
            }
            CodeRegistration.Answered a = (CodeRegistration.Answered) step;
            return a.accepted() ? new Sent(a.flow()) : new Failed(a.flow());
        }
        if (!method.equals("password")) {
            return fail(flow, ui.withMessage(Texts.generic("This sign-up method is not available.")));
        }
        List<TraitError> traitErrors = schema.validate(traits);
        boolean bad = !traitErrors.isEmpty();
        ui = FormMessages.traitErrors(ui, traitErrors);
        Optional<String> password = submission.field("password");
        if (password.isEmpty()) {
            ui = ui.mapNode("password", n -> n.withMessage(Texts.required("password")));
            bad = true;
        } else {
            List<PolicyViolation> violations = policy.check(password.get(), schema.identifiers(CredentialKind.PASSWORD, traits));
            ui = FormMessages.policyViolations(ui, violations);
            bad |= !violations.isEmpty();
        }
        if (bad) {
            return fail(flow, ui);
        }
        return register(flow, ui, new IdentityDraft(Optional.of(schema.id()), traits, Optional.empty(),
                JsonValue.NULL, JsonValue.NULL, Optional.of(new IdentityDraft.PlainPassword(password.get())), List.of()), "password");
    }

    /** Creates the identity and signs it in; addresses it has still to verify get verification flows. */
    private Result register(Flow flow, Ui ui, IdentityDraft draft, String method) {
        Identity identity;
        try {
            identity = identities.create(flow.tenant(), draft, null);
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                return fail(flow, ui.withMessage(Texts.duplicateCredentials()));
            }
            Ui failed = ui;
            for (ApiException.FieldError f : e.fieldErrors()) {
                failed = failed.withMessage(Texts.generic(f.message()));
            }
            return fail(flow, failed.messages().isEmpty() ? failed.withMessage(Texts.generic(e.detail())) : failed);
        }
        SessionService.Issued issued = sessions.issue(identity, method);
        Flow done = flow.passedChallenge(ui);
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.REGISTRATION, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(identity.id().toString()).subject(identity.id().toString()).detail("method", method)
                .detail("flow", flow.flavor().wire()));
        List<Flow> verifying = verification.startAfterRegistration(flow, identity);
        return new Succeeded(done, identity, issued, verifying.isEmpty() ? null : verifying.get(0));
    }

    private Failed fail(Flow flow, Ui ui) {
        Flow updated = flow.showing(ui);
        flows.update(updated);
        return new Failed(updated);
    }
}
