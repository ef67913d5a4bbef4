package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.credential.password.InvalidPasswordHashException;
import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code password} method of the login flow. An unknown identifier, a wrong password, a disabled account and
 * a locked identifier all get the same message and cost the same argon2 work, so the answer does not tell
 * whether an account exists. The hash is checked holding no database connection: one short transaction reads
 * the lock and the identity, the submission's transaction writes the sign-in.
 */
@ApplicationScoped
public class PasswordLogin implements LoginMethod {

    static final String METHOD = "password";

    private static final Logger LOG = Logs.of(PasswordLogin.class);

    private IdentityService identities;
    private PasswordHasher hasher;
    private LoginThrottle throttle;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private RequestContext request;
    private SelfServiceConfig config;
    private Transactions transactions;

    protected PasswordLogin() {
        // for the container's proxy
    }

    @Inject
    public PasswordLogin(IdentityService identities, PasswordHasher hasher, LoginThrottle throttle, SecurityEvents events,
                         RequestContext request, SelfServiceConfig config, Transactions transactions) {
        this.identities = identities;
        this.hasher = hasher;
        this.throttle = throttle;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.request = request;
        this.config = config;
        this.transactions = transactions;
    }

    @Override
    public String id() {
        return METHOD;
    }

    @Override
    public int order() {
        return PasswordMethods.ORDER;
    }

    @Override
    public boolean asksForPassword() {
        return true;
    }

    @Override
    public List<UiNode> nodes() {
        return List.of(UiNode.input("password", "password", "password", null, true, "current-password", Texts.passwordLabel()),
                UiNode.input("password", "method", "submit", JsonP.createValue(METHOD), false, null, Texts.signIn()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        String identifier = ui.valueOf("identifier").orElse("");
        Optional<String> password = submission.field("password");
        if (identifier.isEmpty() || password.isEmpty()) {
            Ui refused = ui;
            if (identifier.isEmpty()) {
                refused = refused.mapNode("identifier", n -> n.withMessage(Texts.required("identifier")));
            }
            if (password.isEmpty()) {
                refused = refused.mapNode("password", n -> n.withMessage(Texts.required("password")));
            }
            return refuse(flow, refused);
        }
        return verify(flow, ui, identifier, password.get());
    }

    /** What is read before the hash is checked, in one short transaction. */
    private record Lookup(boolean locked, Optional<Identity> identity) {
    }

    private Completion<Result> verify(Flow flow, Ui ui, String typed, String password) {
        TenantId tenant = flow.tenant();
        String ip = request.clientIp();
        // counted as stored: a phone number in E.164, so another spelling of it does not start a fresh count
        String identifier = identities.normaliseIdentifier(typed);
        Lookup lookup = transactions.call(() -> throttle.isLocked(tenant, identifier, ip)
                ? new Lookup(true, Optional.empty()) : new Lookup(false, identities.findByIdentifier(tenant, typed)));
        if (lookup.locked()) {
            hasher.burn(password);
            failed(tenant, identifier, null, "locked");
            return refuse(flow, ui.withMessage(Texts.invalidCredentials()));
        }
        Optional<Identity> identity = lookup.identity();
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
            return refuse(flow, ui.withMessage(Texts.invalidCredentials()));
        }
        Identity who = identity.get();
        if (config.verificationRequiredForLogin() && !hasVerifiedLoginAddress(who)) {
            failed(tenant, identifier, who, "address not verified");
            return refuse(flow, ui.withMessage(Texts.addressNotVerified()));
        }
        String rehashed = hasher.needsRehash(hash.get()) ? hasher.hash(password) : null;
        return () -> {
            throttle.succeeded(tenant, identifier);
            if (rehashed != null) {
                identities.replacePasswordHash(who, rehashed);
                events.fire(SecurityEvent.of(SecurityEventType.PASSWORD_REHASHED, Outcome.SUCCESS).tenant(tenant.value())
                        .subject(who.id().toString()).detail("from", hash.get().split("\\$")[1]));
            }
            return new Authenticated(who, ui, METHOD, METHOD);
        };
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
            // its own transaction, before the submission's: a failed attempt must count even if that one rolls back
            throttle.failed(tenant, identifier, request.clientIp());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count a failed sign-in (counting is best effort)", e.getClass().getSimpleName());
        }
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(tenant.value())
                .subject(identity == null ? null : identity.id().toString())
                .detail("method", "password").detail("identifier", identifier.toLowerCase(Locale.ROOT)).detail("reason", reason));
        credentials.failed(tenant.value(), identity == null ? null : identity.id().toString(), "password", reason);
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
