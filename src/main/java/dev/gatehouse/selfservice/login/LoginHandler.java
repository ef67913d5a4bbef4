package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
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
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.LoginStyle;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The login flow:
 * <pre>
 *   choose_method ──method proves who it is──▶ passed_challenge (a session is issued)
 *        │  ▲ refused: same state, messages on the form
 *        └──┘ a method's next step (the code method: sent_email, see its class)
 * </pre>
 * The form offers every {@link LoginMethod} bean, in their order; a submission goes to the method its
 * {@code method} field names (the first method if it names none). Each submission is one transaction for its
 * writes, run after the method's slow work (see {@link LoginMethod#submit}).
 * <p>
 * A flow opened with {@code aal=aal2} by someone signed in {@linkplain Flow#raisesSession() raises their session}:
 * its form offers the {@linkplain LoginMethod#secondFactor() second factors} the identity has set up, a submission
 * must come with that same session, and success adds the factor to the session (level {@code aal2}) instead of
 * issuing a new one. Plain flows offer and accept only the other methods.
 * <p>
 * On a {@linkplain LoginStyle#passwordFree() password-free} tenant, plain flows are {@link IdentifierFirst}: the form
 * asks for the identifier, then offers the methods that ask for no password; a method that does is neither offered
 * nor accepted. A method that needs no identifier (a passkey, {@link LoginMethod#offersConditionalUi()}) is offered
 * on the first form too.
 */
@ApplicationScoped
public class LoginHandler {

    private FlowService flows;
    private List<LoginMethod> methods;
    private SessionService sessions;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private SelfServiceConfig config;
    private LoginStyle style;
    private Transactions transactions;
    private Clock clock;
    private CredentialUse used = (who, method) -> { };

    /** Records which of the identity's credentials proved a sign-in, in the sign-in's transaction. */
    @FunctionalInterface
    public interface CredentialUse {
        void used(Identity identity, String method);
    }

    /** How a submission ended. */
    public sealed interface Result permits Succeeded, Sent, Failed {
        Flow flow();
    }

    /** A code was sent (or, for an unknown identifier, seemingly sent): the flow waits for it. */
    public record Sent(Flow flow) implements Result {
    }

    public record Succeeded(Flow flow, Identity identity, SessionService.Issued session) implements Result {
    }

    public record Failed(Flow flow) implements Result {
    }

    protected LoginHandler() {
        // for the container's proxy
    }

    @Inject
    public LoginHandler(FlowService flows, Instance<LoginMethod> methods, SessionService sessions, SecurityEvents events,
                        SelfServiceConfig config, LoginStyle style, Transactions transactions, Clock clock,
                        IdentityService identities) {
        this(flows, (Iterable<LoginMethod>) methods, sessions, events, config, style, transactions, clock);
        this.used = identities::markUsed;
    }

    public LoginHandler(FlowService flows, Iterable<LoginMethod> methods, SessionService sessions, SecurityEvents events,
                        SelfServiceConfig config, LoginStyle style, Transactions transactions, Clock clock) {
        this.flows = flows;
        this.methods = FlowMethod.sorted(methods);
        this.sessions = sessions;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.config = config;
        this.style = style;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Flow create(TenantId tenant, Flavor flavor, boolean refresh, String returnTo, String requestUrl,
                       String actionBase, String csrfSecret, String csrfHash) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Ui ui = ui(actionBase + "/self-service/login?flow=" + id, csrfSecret);
        Flow flow = new Flow(id, tenant, FlowKind.LOGIN, flavor, FlowState.CHOOSE_METHOD, requestUrl, returnTo, csrfHash, null,
                null, refresh, refresh ? ui.withMessage(Texts.reauthenticate()) : ui, now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    /** A flow asking the holder of {@code caller} for a second factor, to raise that session to {@code aal2}. */
    public Flow createRaising(SessionService.Authenticated caller, Flavor flavor, String returnTo, String requestUrl,
                              String actionBase, String csrfSecret, String csrfHash) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<UiNode> nodes = new ArrayList<>();
        if (csrfSecret != null) {
            nodes.add(csrfNode(csrfSecret));
        }
        Optional<String> via = queryParameter(requestUrl, "via");
        methods.stream().filter(LoginMethod::secondFactor).forEach(m -> nodes.addAll(m.secondFactorNodes(caller.identity(), via)));
        Ui ui = new Ui(actionBase + "/self-service/login?flow=" + id, "POST", nodes, List.of(Texts.secondFactorRequired()));
        Flow flow = new Flow(id, caller.identity().tenant(), FlowKind.LOGIN, flavor, FlowState.CHOOSE_METHOD, requestUrl, returnTo,
                csrfHash, caller.identity().id(), caller.session().id(), false, ui, now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    /** A parameter of the URL's query, decoded; empty when absent or the URL does not parse. */
    static Optional<String> queryParameter(String url, String name) {
        try {
            String query = url == null ? null : java.net.URI.create(url).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8))
                            .filter(v -> !v.isBlank());
                }
            }
        } catch (IllegalArgumentException e) {
            // not a URL this server made; no parameter then
        }
        return Optional.empty();
    }

    private static UiNode csrfNode(String csrfSecret) {
        return UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(csrfSecret), true, null, null);
    }

    private Ui ui(String action, String csrfSecret) {
        List<UiNode> nodes = new ArrayList<>();
        if (csrfSecret != null) {
            nodes.add(csrfNode(csrfSecret));
        }
        if (style.passwordFree()) {
            nodes.addAll(IdentifierFirst.identification());
            // a passkey names its identity itself: offered before any identifier is typed (Kratos' identifier_first + passkey)
            firstFactors().stream().filter(LoginMethod::offersConditionalUi).forEach(m -> nodes.addAll(m.nodes()));
        } else {
            boolean conditional = methods.stream().anyMatch(LoginMethod::offersConditionalUi);
            nodes.add(UiNode.input("default", "identifier", "text", JsonP.createValue(""), true, conditional ? "username webauthn" : "username",
                    Texts.idLabel()));
            firstFactors().forEach(m -> nodes.addAll(m.nodes()));
        }
        return new Ui(action, "POST", nodes, List.of());
    }

    /** The methods that sign someone in, as the current tenant offers them. */
    private List<LoginMethod> firstFactors() {
        return style.offered(methods.stream().filter(m -> !m.secondFactor()).toList());
    }

    /** A submission without a session (a plain sign-in). */
    public Result submit(Flow flow, Submission submission) {
        return submit(flow, submission, Optional.empty());
    }

    /**
     * A submission. {@code callerToken} is the session token the request carries (header or cookie): a flow that
     * raises a session accepts a submission only with that session.
     */
    public Result submit(Flow flow, Submission submission, Optional<String> callerToken) {
        if (flow.raisesSession()) {
            return raise(flow, submission, callerToken);
        }
        Ui ui = flow.ui().withoutMessages();
        String identifier = submission.field("identifier").map(String::trim).orElse("");
        Ui refilled = ui.mapNode("identifier", n -> n.withValue(JsonP.createValue(identifier)));
        Optional<String> named = submission.field("method");
        List<LoginMethod> firstFactors = firstFactors();
        if (style.passwordFree() && named.orElse(IdentifierFirst.METHOD).equals(IdentifierFirst.METHOD)) {
            return transactions.call(() -> finish(flow, identified(flow, refilled, identifier, firstFactors)));
        }
        Optional<LoginMethod> method = named.isPresent() ? FlowMethod.named(firstFactors, named.get()) : firstFactors.stream().findFirst();
        if (method.isEmpty()) {
            Flow refused = flow.showing(refilled.withMessage(Texts.generic("The sign-in method " + sanitize(named.orElse(""))
                    + " is not available.")));
            return transactions.call(() -> finish(flow, new LoginMethod.Answered(refused, false)));
        }
        Completion<LoginMethod.Result> completion = method.get().submit(flow, submission, refilled);
        return transactions.call(() -> finish(flow, completion.complete()));
    }

    /** The identifier-first step: the second form, or the first again asking for the identifier. */
    private static LoginMethod.Answered identified(Flow flow, Ui refilled, String identifier, List<LoginMethod> firstFactors) {
        if (identifier.isEmpty()) {
            return new LoginMethod.Answered(flow.showing(refilled.mapNode(IdentifierFirst.IDENTIFIER,
                    n -> n.withMessage(Texts.required(IdentifierFirst.IDENTIFIER)))), false);
        }
        return new LoginMethod.Answered(flow.showing(IdentifierFirst.identified(refilled, identifier, firstFactors)), false);
    }

    private Result raise(Flow flow, Submission submission, Optional<String> callerToken) {
        String token = callerToken.orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        SessionService.Authenticated caller = sessions.authenticate(flow.tenant(), token)
                .filter(c -> c.session().id().equals(flow.sessionId()))
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        Ui ui = flow.ui().withoutMessages();
        Optional<String> named = submission.field("method");
        List<LoginMethod> secondFactors = methods.stream().filter(LoginMethod::secondFactor).toList();
        Optional<LoginMethod> method = named.isPresent() ? FlowMethod.named(secondFactors, named.get())
                : secondFactors.stream().filter(m -> m.claims(submission)).findFirst();
        if (method.isEmpty()) {
            Flow refused = flow.showing(ui.withMessage(Texts.generic("The sign-in method " + sanitize(named.orElse(""))
                    + " is not available.")));
            return transactions.call(() -> finish(flow, new LoginMethod.Answered(refused, false)));
        }
        Completion<LoginMethod.Result> completion = method.get().submit(flow, submission, ui);
        return transactions.call(() -> {
            LoginMethod.Result result = completion.complete();
            if (result instanceof LoginMethod.Authenticated a && a.identity().id().equals(caller.identity().id())) {
                return raised(flow, a, caller, token);
            }
            return finish(flow, result instanceof LoginMethod.Answered ? result
                    : new LoginMethod.Answered(flow.showing(ui.withMessage(Texts.invalidCredentials())), false));
        });
    }

    private Succeeded raised(Flow flow, LoginMethod.Authenticated proven, SessionService.Authenticated caller, String token) {
        Identity who = proven.identity();
        Flow done = flow.passedChallenge(proven.ui());
        Session raised = proven.via() == null ? sessions.completeWith(caller.session(), proven.sessionMethod(), "aal2")
                : sessions.completeWith(caller.session(), proven.sessionMethod(), "aal2", proven.via());
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(who.id().toString()).subject(who.id().toString()).detail("method", proven.eventMethod())
                .detail("flow", flow.flavor().wire()).detail("session_id", raised.id()).detail("aal", raised.aal())
                .detail("via", proven.via()));
        credentials.used(flow.tenant().value(), who.id().toString(), proven.eventMethod(), raised.aal());
        used.used(who, proven.sessionMethod());
        return new Succeeded(done, who, new SessionService.Issued(raised, token));
    }

    /** A sign-in link opened in the browser that started the flow (the caller has checked that). */
    public Result byLink(Flow flow, String token) {
        Completion<LoginMethod.Result> completion = methods.stream().map(m -> m.openLink(flow, token)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new FlowError(FlowError.Kind.NOT_FOUND));
        return transactions.call(() -> finish(flow, completion.complete()));
    }

    private Result finish(Flow flow, LoginMethod.Result result) {
        if (result instanceof LoginMethod.Authenticated a) {
            return signedIn(flow, a);
        }
        LoginMethod.Answered a = (LoginMethod.Answered) result;
        flows.update(a.flow());
        return a.accepted() ? new Sent(a.flow()) : new Failed(a.flow());
    }

    private Succeeded signedIn(Flow flow, LoginMethod.Authenticated proven) {
        Identity who = proven.identity();
        Flow done = flow.passedChallenge(proven.ui());
        SessionService.Issued issued = proven.via() == null ? sessions.issue(who, proven.sessionMethod())
                : sessions.issue(who, proven.sessionMethod(), proven.via());
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(who.id().toString()).subject(who.id().toString()).detail("method", proven.eventMethod())
                .detail("flow", flow.flavor().wire()).detail("session_id", issued.session().id()));
        credentials.used(flow.tenant().value(), who.id().toString(), proven.eventMethod(), issued.session().aal());
        used.used(who, proven.sessionMethod());
        return new Succeeded(done, who, issued);
    }

    private static String sanitize(String s) {
        return s.length() > 32 ? s.substring(0, 32) : s.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
