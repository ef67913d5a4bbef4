package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.CreationOptions;
import dev.gatehouse.credential.webauthn.UserVerification;
import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webauthn} method of the settings flow (Kratos' nodes): a {@code webauthn_remove} button per security
 * key (its value the key's id in hex), then {@code webauthn_register_displayname} for the new key's name,
 * {@code webauthn_register_trigger}, whose value is the options for {@code navigator.credentials.create} (a new
 * challenge, the identity's keys excluded), and {@code webauthn_register}, where the browser's answer goes. The
 * answer is checked against the challenge of the form the flow showed (kept on the server). An identity may have
 * several named keys. Both changes need a recent sign-in; a new key adds {@code webauthn} at {@code aal2} to the
 * session that registered it, as Kratos does. In the password-free mode ({@link WebAuthnConfig#passwordless()}) a new
 * key signs in on its own (stored with {@code is_passwordless}, found by the account names) and adds {@code webauthn}
 * at {@code aal1}; the last key that signs in cannot be removed when the identity has no other way to sign in.
 */
@ApplicationScoped
public class WebAuthnSettings implements SettingsMethod {

    static final String REGISTER = "webauthn_register";
    static final String TRIGGER = "webauthn_register_trigger";
    static final String NAME = "webauthn_register_displayname";
    static final String REMOVE = "webauthn_remove";

    private IdentityService identities;
    private SessionService sessions;
    private RelyingParties relyingParties;
    private Clock clock;
    private CredentialEvents credentials;
    private final SecureRandom random = new SecureRandom();

    protected WebAuthnSettings() {
        // for the container's proxy
    }

    @Inject
    public WebAuthnSettings(IdentityService identities, SessionService sessions, RelyingParties relyingParties,
                            SecurityEvents events, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.relyingParties = relyingParties;
        this.clock = clock;
        this.credentials = new CredentialEvents(events);
    }

    @Override
    public String id() {
        return WebAuthnMessages.WEBAUTHN;
    }

    @Override
    public int order() {
        return WebAuthnMessages.WEBAUTHN_ORDER;
    }

    /** Kratos sets the method itself when a key is registered or removed. */
    @Override
    public boolean claims(Submission submission) {
        return submission.field(REGISTER).isPresent() || submission.field(REMOVE).isPresent();
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        WebAuthnConfig config = relyingParties.current();
        if (!config.enabled()) {
            return List.of();
        }
        Optional<WebAuthnKeys> keys = WebAuthnKeys.of(identity, CredentialType.WEBAUTHN);
        List<WebAuthnCredential> existing = keys.map(WebAuthnKeys::keys).orElse(List.of());
        List<UiNode> nodes = new ArrayList<>();
        existing.forEach(k -> nodes.add(UiNode.input(WebAuthnMessages.WEBAUTHN, REMOVE, "submit", JsonP.createValue(WebAuthnKeys.hex(k.id())),
                false, null, WebAuthnMessages.removeKey(k.name(), k.addedAt()))));
        String account = Ceremonies.accountName(schema, identity.traits()).orElse(identity.id().toString());
        // the handle the stored keys answer with (a random one for keys made at sign-up)
        byte[] handle = keys.map(WebAuthnKeys::userHandle).orElseGet(() -> WebAuthnKeys.identityHandle(identity));
        CreationOptions options = CreationOptions.secondFactor(config.relyingParty(), config.attestationPolicy(), handle, account, account,
                Challenge.generate(random), UserVerification.PREFERRED, existing);
        nodes.add(UiNode.input(WebAuthnMessages.WEBAUTHN, NAME, "text", JsonP.createValue(""), false, null, WebAuthnMessages.keyName()));
        nodes.add(Ceremonies.trigger(WebAuthnMessages.WEBAUTHN, TRIGGER, options.toJson().toString(), WebAuthnMessages.addKey()));
        nodes.add(Ceremonies.answer(WebAuthnMessages.WEBAUTHN, REGISTER));
        return nodes;
    }

    /** The new key's name as submitted, trimmed to 64 characters. */
    static String displayName(Submission submission) {
        return submission.field(NAME).map(String::trim).map(n -> n.length() > 64 ? n.substring(0, 64) : n).orElse("");
    }

    /** The identity's ways to sign in: its password, its passkeys and its passwordless keys, each counted (as Kratos). */
    private static int firstFactors(Identity identity, WebAuthnKeys keys) {
        int passkeys = WebAuthnKeys.of(identity, CredentialType.PASSKEY).map(k -> k.keys().size()).orElse(0);
        return keys.passwordlessKeys().size() + passkeys + (identity.credential(CredentialType.PASSWORD).isPresent() ? 1 : 0);
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        SettingsMethod.requirePrivileged(sessions, holder.session());
        WebAuthnConfig config = relyingParties.current();
        Identity identity = holder.identity();
        Optional<WebAuthnKeys> keys = WebAuthnKeys.of(identity, CredentialType.WEBAUTHN);
        if (!config.enabled()) {
            return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.noKey())));
        }
        List<String> base = List.of(identity.id().toString());
        List<String> accountNames = PasswordlessKeys.accountNames(schema, identity.traits());
        Optional<String> remove = submission.field(REMOVE);
        if (remove.isPresent()) {
            Optional<WebAuthnCredential> gone = keys.flatMap(k -> k.findByHex(remove.get()));
            if (gone.isEmpty()) {
                return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.noKey())));
            }
            if (keys.get().isPasswordless(gone.get()) && firstFactors(identity, keys.get()) < 2) {
                return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.lastFirstFactor())));
            }
            WebAuthnKeys left = keys.get().without(gone.get().id());
            Instant now = clock.instant();
            return () -> {
                Identity after = identities.storeCredential(identity, CredentialType.WEBAUTHN, left.toCredential(CredentialType.WEBAUTHN,
                        PasswordlessKeys.identifiers(left, base, accountNames), identity, now));
                credentials.removed(identity.tenant().value(), identity.id().toString(), identity.id().toString(), WebAuthnMessages.WEBAUTHN);
                return new Saved(ui.withGroup(WebAuthnMessages.WEBAUTHN, nodes(after, schema)));
            };
        }
        String name = displayName(submission);
        Instant now = clock.instant();
        NewKey.Outcome outcome = NewKey.check(config, flow.ui(), TRIGGER, submission.field(REGISTER), UserVerification.PREFERRED, name,
                keys, now);
        if (outcome instanceof NewKey.Refused refused) {
            return Completion.of(new Refused(ui.withMessage(refused.why())));
        }
        WebAuthnCredential added = ((NewKey.Made) outcome).credential();
        boolean passwordless = config.passwordless();
        WebAuthnKeys all = keys.orElseGet(() -> new WebAuthnKeys(WebAuthnKeys.identityHandle(identity), List.of())).with(added, passwordless);
        return () -> {
            Identity after = identities.storeCredential(identity, CredentialType.WEBAUTHN, all.toCredential(CredentialType.WEBAUTHN,
                    PasswordlessKeys.identifiers(all, base, accountNames), identity, now));
            // the key just answered a fresh challenge: the session that registered it has it (as a second factor, unless
            // it signs in on its own), as Kratos
            sessions.completeWith(holder.session(), WebAuthnMessages.WEBAUTHN, passwordless ? Session.AAL1 : Session.AAL2);
            credentials.enrolled(identity.tenant().value(), identity.id().toString(), identity.id().toString(), WebAuthnMessages.WEBAUTHN);
            return new Saved(ui.withGroup(WebAuthnMessages.WEBAUTHN, nodes(after, schema)));
        };
    }
}
