package dev.gatehouse.selfservice.settings;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Completion;
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
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The settings flow:
 * <pre>
 *   show_form ──change saved──▶ success ──▶ (may be submitted again)
 *       ▲                                     │
 *       └──────────── change refused ◀────────┘
 * </pre>
 * The form has the part of every {@link SettingsMethod} bean, in their order (profile: the traits; password);
 * a submission goes to the method its {@code method} field names. Changing the password or a login identifier
 * needs a recent sign-in (privileged session); otherwise the answer asks for a fresh sign-in.
 */
@ApplicationScoped
public class SettingsHandler {

    private FlowService flows;
    private List<SettingsMethod> methods;
    private IdentitySchemas schemas;
    private SecurityEvents events;
    private SelfServiceConfig config;
    private Transactions transactions;
    private Clock clock;

    protected SettingsHandler() {
        // for the container's proxy
    }

    @Inject
    public SettingsHandler(FlowService flows, Instance<SettingsMethod> methods, IdentitySchemas schemas, SecurityEvents events,
                           SelfServiceConfig config, Transactions transactions, Clock clock) {
        this(flows, (Iterable<SettingsMethod>) methods, schemas, events, config, transactions, clock);
    }

    public SettingsHandler(FlowService flows, Iterable<SettingsMethod> methods, IdentitySchemas schemas, SecurityEvents events,
                           SelfServiceConfig config, Transactions transactions, Clock clock) {
        this.flows = flows;
        this.methods = FlowMethod.sorted(methods);
        this.schemas = schemas;
        this.events = events;
        this.config = config;
        this.transactions = transactions;
        this.clock = clock;
    }

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
            nodes.add(UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(csrfSecret), true, null, null));
        }
        IdentitySchema schema = schemaOf(identity);
        methods.forEach(m -> nodes.addAll(m.nodes(identity, schema)));
        return new Ui(action, "POST", nodes, List.of());
    }

    private IdentitySchema schemaOf(Identity identity) {
        return schemas.find(identity.schemaId()).orElse(schemas.defaultSchema());
    }

    /** A submission's end: the flow as it now is, and whether it is answered as accepted (200) or refused (400). */
    public record Answer(Flow flow, boolean accepted) {
    }

    /** Applies a submission by the holder of a session; the flow must be theirs. */
    public Flow submit(Flow flow, Submission submission, SessionService.Authenticated holder) {
        return answer(flow, submission, holder).flow();
    }

    /** As {@link #submit}, saying whether the answer is an acceptance. */
    public Answer answer(Flow flow, Submission submission, SessionService.Authenticated holder) {
        if (!Objects.equals(flow.identity(), holder.identity().id())) {
            throw new FlowError(FlowError.Kind.NOT_FOUND);
        }
        Ui base = ui(flow.ui().action(), flow.ui().valueOf("csrf_token").orElse(null), holder.identity());
        Optional<SettingsMethod> method = submission.field("method").isPresent()
                ? submission.field("method").flatMap(m -> FlowMethod.named(methods, m))
                : methods.stream().filter(m -> m.claims(submission)).findFirst();
        if (method.isEmpty()) {
            SettingsMethod.Result refused = new SettingsMethod.Refused(base.withMessage(Texts.generic("Choose what to change: profile or password.")));
            return transactions.call(() -> finish(flow, null, holder, refused));
        }
        Completion<SettingsMethod.Result> completion = method.get().submit(flow, submission, base, schemaOf(holder.identity()), holder);
        return transactions.call(() -> finish(flow, method.get(), holder, completion.complete()));
    }

    private Answer finish(Flow flow, SettingsMethod method, SessionService.Authenticated holder, SettingsMethod.Result result) {
        if (result instanceof SettingsMethod.Saved saved) {
            events.fire(SecurityEvent.of(SecurityEventType.SETTINGS_CHANGED, Outcome.SUCCESS).tenant(flow.tenant().value())
                    .actor(holder.identity().id().toString()).subject(holder.identity().id().toString())
                    .detail("method", method.id()).detail("flow", flow.flavor().wire()));
            Flow done = flow.saved(saved.ui().withMessage(Texts.settingsSaved()));
            flows.update(done);
            return new Answer(done, true);
        }
        if (result instanceof SettingsMethod.Shown shown) {
            Flow next = flow.showing(shown.ui());
            flows.update(next);
            return new Answer(next, true);
        }
        Flow refused = flow.refused(((SettingsMethod.Refused) result).ui());
        flows.update(refused);
        return new Answer(refused, false);
    }
}
