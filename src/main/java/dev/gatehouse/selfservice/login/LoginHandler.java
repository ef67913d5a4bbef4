package dev.gatehouse.selfservice.login;

import dev.gatehouse.credential.password.InvalidPasswordHashException;
import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login flow with the password method, and the {@code code} method (see {@link CodeLogin}). An unknown identifier, a wrong password, a disabled account
 * and a locked identifier all get the same message and cost the same argon2 work, so the answer does not
 * tell whether an account exists.
 */
@ApplicationScoped
public class LoginHandler {

    private static final Logger LOG = Logger.getLogger(LoginHandler.class.getName());

    @Inject
    FlowService flows;
    @Inject
    IdentityService identities;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    SessionService sessions;
    @Inject
    SecurityEvents events;
    @Inject
    RequestContext request;
    @Inject
    SelfServiceConfig config;
    @Inject
    CodeLogin code;
    @Inject
    Clock clock;

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

    public Flow create(TenantId tenant, Flavor flavor, boolean refresh, String returnTo, String requestUrl,
                       String actionBase, String csrfSecret, String csrfHash) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, tenant, FlowKind.LOGIN, flavor, FlowState.CHOOSE_METHOD, requestUrl, returnTo, csrfHash, null,
                null, refresh, ui(actionBase + "/self-service/login?flow=" + id, csrfSecret), now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    static Ui ui(String action, String csrfSecret) {
        List<UiNode> nodes = new ArrayList<>();
        if (csrfSecret != null) {
            nodes.add(UiNode.input("default", "csrf_token", "hidden", Json.createValue(csrfSecret), true, null, null));
        }
        nodes.add(UiNode.input("default", "identifier", "text", Json.createValue(""), true, "username", Texts.idLabel()));
        nodes.add(UiNode.input("password", "password", "password", null, true, "current-password", Texts.passwordLabel()));
        nodes.add(UiNode.input("password", "method", "submit", Json.createValue("password"), false, null, Texts.signIn()));
        nodes.add(CodeLogin.button());
        return new Ui(action, "POST", nodes, List.of());
    }

    public Result submit(Flow flow, Submission submission) {
        Ui ui = flow.ui().withoutMessages();
        String identifier = submission.field("identifier").map(String::trim).orElse("");
        ui = ui.mapNode("identifier", n -> n.withValue(Json.createValue(identifier)));
        String method = submission.field("method").orElse("password");
        if (method.equals("code")) {
            return byCode(flow, code.submit(flow, submission));
        }
        if (!method.equals("password")) {
            return fail(flow, ui.withMessage(Texts.generic("The sign-in method " + sanitize(method) + " is not available.")));
        }
        Optional<String> password = submission.field("password");
        if (identifier.isEmpty() || password.isEmpty()) {
            if (identifier.isEmpty()) {
                ui = ui.mapNode("identifier", n -> n.withMessage(Texts.required("identifier")));
            }
            if (password.isEmpty()) {
                ui = ui.mapNode("password", n -> n.withMessage(Texts.required("password")));
            }
            return fail(flow, ui);
        }
        return verify(flow, ui, identifier, password.get());
    }

    private Result verify(Flow flow, Ui ui, String identifier, String password) {
        TenantId tenant = flow.tenant();
        if (throttle.isLocked(tenant, identifier, request.clientIp())) {
            hasher.burn(password);
            failed(tenant, identifier, null, "locked");
            return fail(flow, ui.withMessage(Texts.invalidCredentials()));
        }
        Optional<Identity> identity = identities.findByIdentifier(tenant, identifier);
        Optional<String> hash = identity.flatMap(i -> i.credential(CredentialType.PASSWORD))
                .map(c -> c.config().getString("hashed_password", null));
        boolean ok;
        if (hash.isEmpty()) {
            hasher.burn(password);
            ok = false;
        } else {
            ok = verifyHash(password, hash.get());
        }
        if (!ok || !identity.get().isActive()) {
            failed(tenant, identifier, identity.orElse(null), !ok ? "invalid credentials" : "identity inactive");
            return fail(flow, ui.withMessage(Texts.invalidCredentials()));
        }
        Identity who = identity.get();
        if (config.verificationRequiredForLogin() && !hasVerifiedLoginAddress(who)) {
            failed(tenant, identifier, who, "address not verified");
            return fail(flow, ui.withMessage(Texts.addressNotVerified()));
        }
        throttle.succeeded(tenant, identifier);
        if (hasher.needsRehash(hash.get())) {
            identities.replacePasswordHash(who, hasher.hash(password));
            events.fire(SecurityEvent.of(SecurityEventType.PASSWORD_REHASHED, Outcome.SUCCESS).tenant(tenant.value())
                    .subject(who.id().toString()).detail("from", hash.get().split("\\$")[1]));
        }
        return signedIn(flow, ui, who, "password", "password");
    }

    /** A sign-in link opened in the browser that started the flow (the caller has checked that). */
    public Result byLink(Flow flow, String token) {
        return byCode(flow, code.link(flow, token));
    }

    private Result byCode(Flow flow, CodeLogin.Step step) {
        if (step instanceof CodeLogin.Proven p) {
            return signedIn(flow, flow.ui().withoutMessages(), p.identity(), CodeLogin.METHOD, p.method());
        }
        CodeLogin.Answered a = (CodeLogin.Answered) step;
        return a.accepted() ? new Sent(a.flow()) : new Failed(a.flow());
    }

    /** @param sessionMethod the session's authentication method; {@code eventMethod} may say more (a link) */
    private Succeeded signedIn(Flow flow, Ui ui, Identity who, String sessionMethod, String eventMethod) {
        SessionService.Issued issued = sessions.issue(who, sessionMethod);
        Flow done = flow.passedChallenge(ui);
        flows.update(done);
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN, Outcome.SUCCESS).tenant(flow.tenant().value())
                .actor(who.id().toString()).subject(who.id().toString()).detail("method", eventMethod)
                .detail("flow", flow.flavor().wire()).detail("session_id", issued.session().id()));
        return new Succeeded(done, who, issued);
    }

    /** Whether one of the identity's sign-in identifiers is a verified address (or none of them is an address at all). */
    private static boolean hasVerifiedLoginAddress(Identity who) {
        List<String> identifiers = who.credential(CredentialType.PASSWORD).map(c -> c.identifiers()).orElse(List.of());
        List<VerifiableAddress> addresses = who.verifiableAddresses().stream()
                .filter(a -> identifiers.stream().anyMatch(i -> i.equalsIgnoreCase(a.value()))).toList();
        return addresses.isEmpty() || addresses.stream().anyMatch(VerifiableAddress::verified);
    }

    private boolean verifyHash(String password, String phc) {
        try {
            return hasher.verify(password, phc);
        } catch (InvalidPasswordHashException e) {
            LOG.warning("A stored password hash could not be read; the sign-in is refused");
            hasher.burn(password);
            return false;
        }
    }

    private void failed(TenantId tenant, String identifier, Identity identity, String reason) {
        try {
            throttle.failed(tenant, identifier, request.clientIp());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count a failed sign-in (counting is best effort)", e.getClass().getSimpleName());
        }
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(tenant.value())
                .subject(identity == null ? null : identity.id().toString())
                .detail("identifier", identifier.toLowerCase(Locale.ROOT)).detail("reason", reason));
    }

    private Failed fail(Flow flow, Ui ui) {
        Flow updated = flow.showing(ui);
        flows.update(updated);
        return new Failed(updated);
    }

    private static String sanitize(String s) {
        return s.length() > 32 ? s.substring(0, 32) : s.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
