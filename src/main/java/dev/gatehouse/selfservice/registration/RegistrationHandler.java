package dev.gatehouse.selfservice.registration;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.LoginStyle;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registration flow:
 * <pre>
 *   choose_method ──method creates the identity──▶ passed_challenge (signed in)
 *        │  ▲ refused: same state, messages on the form
 *        └──┘ a method's next step (the code method: sent_email, see its class)
 * </pre>
 * The form shows the default schema's traits and offers every {@link RegistrationMethod} bean, in their order;
 * a submission goes to the method its {@code method} field names (the first if it names none). The new identity
 * is signed in, and each of its e-mail addresses still to verify gets a verification flow, in one transaction.
 * A {@linkplain LoginStyle#passwordFree() password-free} tenant neither offers nor accepts a method that asks for
 * a password.
 */
@ApplicationScoped
public class RegistrationHandler {

    private FlowService flows;
    private List<RegistrationMethod> methods;
    private IdentitySchemas schemas;
    private SessionService sessions;
    private VerificationHandler verification;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private SelfServiceConfig config;
    private LoginStyle style;
    private Transactions transactions;
    private Clock clock;

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

    protected RegistrationHandler() {
        // for the container's proxy
    }

    @Inject
    public RegistrationHandler(FlowService flows, Instance<RegistrationMethod> methods, IdentitySchemas schemas,
                               SessionService sessions, VerificationHandler verification, SecurityEvents events,
                               SelfServiceConfig config, LoginStyle style, Transactions transactions, Clock clock) {
        this(flows, (Iterable<RegistrationMethod>) methods, schemas, sessions, verification, events, config, style, transactions,
                clock);
    }

    public RegistrationHandler(FlowService flows, Iterable<RegistrationMethod> methods, IdentitySchemas schemas,
                               SessionService sessions, VerificationHandler verification, SecurityEvents events,
                               SelfServiceConfig config, LoginStyle style, Transactions transactions, Clock clock) {
        this.flows = flows;
        this.methods = FlowMethod.sorted(methods);
        this.schemas = schemas;
        this.sessions = sessions;
        this.verification = verification;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.config = config;
        this.style = style;
        this.transactions = transactions;
        this.clock = clock;
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
            nodes.add(UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(csrfSecret), true, null, null));
        }
        nodes.addAll(TraitNodes.of(schemas.defaultSchema().document(), traits, "default"));
        style.offered(methods).forEach(m -> nodes.addAll(m.nodes()));
        return new Ui(action, "POST", nodes, List.of());
    }

    public Result submit(Flow flow, Submission submission) {
        Ui ui = FormMessages.refill(flow.ui().withoutMessages(), submission.traits());
        Optional<String> named = submission.field("method");
        List<RegistrationMethod> offered = style.offered(methods);
        Optional<RegistrationMethod> method = named.isPresent() ? FlowMethod.named(offered, named.get()) : offered.stream().findFirst();
        if (method.isEmpty()) {
            Flow refused = flow.showing(ui.withMessage(Texts.generic("This sign-up method is not available.")));
            return transactions.call(() -> finish(flow, new RegistrationMethod.Answered(refused, false)));
        }
        IdentitySchema schema = schemas.defaultSchema();
        Completion<RegistrationMethod.Result> completion = method.get().submit(flow, submission, ui, schema);
        return transactions.call(() -> finish(flow, completion.complete()));
    }

    private Result finish(Flow flow, RegistrationMethod.Result result) {
        if (result instanceof RegistrationMethod.Registered r) {
            return signedIn(flow, r);
        }
        RegistrationMethod.Answered a = (RegistrationMethod.Answered) result;
        flows.update(a.flow());
        return a.accepted() ? new Sent(a.flow()) : new Failed(a.flow());
    }

    /** Signs the new identity in; addresses it has still to verify get verification flows. */
    private Succeeded signedIn(Flow flow, RegistrationMethod.Registered registered) {
        Identity identity = registered.identity();
        Flow done = flow.passedChallenge(registered.ui());
        SessionService.Issued issued = sessions.issue(identity, registered.method());
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.REGISTRATION, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(identity.id().toString()).subject(identity.id().toString()).detail("method", registered.method())
                .detail("flow", flow.flavor().wire()));
        credentials.enrolled(flow.tenant().value(), identity.id().toString(), identity.id().toString(), registered.method());
        List<Flow> verifying = verification.startAfterRegistration(flow, identity);
        return new Succeeded(done, identity, issued, verifying.isEmpty() ? null : verifying.get(0));
    }
}
