package dev.gatehouse.selfservice.strategy.passkey;

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
import dev.gatehouse.selfservice.strategy.webauthn.Ceremonies;
import dev.gatehouse.selfservice.strategy.webauthn.NewKey;
import dev.gatehouse.selfservice.strategy.webauthn.RelyingParties;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnConfig;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnKeys;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnMessages;
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
 * The {@code passkey} method of the settings flow (Kratos' nodes): a {@code passkey_remove} button per passkey (its
 * value the credential id in hex; disabled when it is the identity's only way to sign in), then
 * {@code passkey_create_data} (the options: a new challenge, the identity's user handle, its passkeys excluded),
 * {@code passkey_register_trigger} and {@code passkey_settings_register} for the browser's answer, checked against
 * the challenge of the form the flow showed. Both changes need a recent sign-in; a new passkey adds {@code passkey}
 * at {@code aal1} to the session, as Kratos does.
 */
@ApplicationScoped
public class PasskeySettings implements SettingsMethod {

    static final String REGISTER = "passkey_settings_register";
    static final String REMOVE = "passkey_remove";
    private static final int USER_HANDLE_BYTES = 32;

    private IdentityService identities;
    private SessionService sessions;
    private RelyingParties relyingParties;
    private Clock clock;
    private CredentialEvents credentials;
    private final SecureRandom random = new SecureRandom();

    protected PasskeySettings() {
        // for the container's proxy
    }

    @Inject
    public PasskeySettings(IdentityService identities, SessionService sessions, RelyingParties relyingParties,
                           SecurityEvents events, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.relyingParties = relyingParties;
        this.clock = clock;
        this.credentials = new CredentialEvents(events);
    }

    @Override
    public String id() {
        return WebAuthnMessages.PASSKEY;
    }

    @Override
    public int order() {
        return WebAuthnMessages.PASSKEY_ORDER;
    }

    @Override
    public boolean claims(Submission submission) {
        return submission.field(REGISTER).isPresent() || submission.field(REMOVE).isPresent();
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        WebAuthnConfig config = relyingParties.current();
        if (!config.passkeyEnabled()) {
            return List.of();
        }
        Optional<WebAuthnKeys> keys = WebAuthnKeys.of(identity, CredentialType.PASSKEY);
        List<WebAuthnCredential> existing = keys.map(WebAuthnKeys::keys).orElse(List.of());
        boolean removable = firstFactors(identity, existing.size()) > 1;
        List<UiNode> nodes = new ArrayList<>();
        for (WebAuthnCredential k : existing) {
            UiNode remove = UiNode.input(WebAuthnMessages.PASSKEY, REMOVE, "submit", JsonP.createValue(WebAuthnKeys.hex(k.id())), false,
                    null, WebAuthnMessages.removePasskey(k.name(), k.addedAt()));
            nodes.add(removable ? remove : new UiNode(remove.group(),
                    JsonP.createObjectBuilder(remove.attributes()).add("disabled", true).build(), List.of(), remove.label()));
        }
        String account = Ceremonies.accountName(schema, identity.traits()).orElse(identity.id().toString());
        CreationOptions options = CreationOptions.passkey(config.relyingParty(), config.attestationPolicy(),
                keys.map(WebAuthnKeys::userHandle).orElseGet(this::newHandle), account, account, Challenge.generate(random), existing);
        nodes.add(Ceremonies.hidden(WebAuthnMessages.PASSKEY, PasskeyRegistration.CREATE_DATA,
                JsonP.createObjectBuilder().add("credentialOptions", options.toJson()).build()));
        nodes.add(Ceremonies.trigger(WebAuthnMessages.PASSKEY, PasskeyRegistration.TRIGGER, "", WebAuthnMessages.addPasskey()));
        nodes.add(Ceremonies.answer(WebAuthnMessages.PASSKEY, REGISTER));
        return nodes;
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        SettingsMethod.requirePrivileged(sessions, holder.session());
        WebAuthnConfig config = relyingParties.current();
        if (!config.passkeyEnabled()) {
            return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.noKey())));
        }
        Identity identity = holder.identity();
        Optional<WebAuthnKeys> keys = WebAuthnKeys.of(identity, CredentialType.PASSKEY);
        Instant now = clock.instant();
        Optional<String> remove = submission.field(REMOVE);
        if (remove.isPresent()) {
            Optional<WebAuthnCredential> gone = keys.flatMap(k -> k.findByHex(remove.get()));
            if (gone.isEmpty()) {
                return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.noKey())));
            }
            if (firstFactors(identity, keys.get().keys().size()) < 2) {
                return Completion.of(new Refused(ui.withMessage(WebAuthnMessages.lastFirstFactor())));
            }
            WebAuthnKeys left = keys.get().without(gone.get().id());
            List<String> identifiers = identity.credential(CredentialType.PASSKEY).orElseThrow().identifiers();
            return () -> {
                Identity after = identities.storeCredential(identity, CredentialType.PASSKEY,
                        left.toCredential(CredentialType.PASSKEY, identifiers, identity, now));
                credentials.removed(identity.tenant().value(), identity.id().toString(), identity.id().toString(), WebAuthnMessages.PASSKEY);
                return new Saved(ui.withGroup(WebAuthnMessages.PASSKEY, nodes(after, schema)));
            };
        }
        Optional<byte[]> handle = Ceremonies.userHandle(flow.ui(), PasskeyRegistration.CREATE_DATA);
        NewKey.Outcome outcome = NewKey.check(config, flow.ui(), PasskeyRegistration.CREATE_DATA, submission.field(REGISTER),
                UserVerification.REQUIRED, "", keys, now);
        if (outcome instanceof NewKey.Refused refused) {
            return Completion.of(new Refused(ui.withMessage(refused.why())));
        }
        WebAuthnCredential added = ((NewKey.Made) outcome).credential();
        // the options the answer was made for carried the handle (the identity's, or a new one for its first passkey)
        WebAuthnKeys all = keys.orElseGet(() -> new WebAuthnKeys(handle.orElseThrow(), List.of())).with(added);
        return () -> {
            Identity after = identities.storeCredential(identity, CredentialType.PASSKEY, all.toCredential(CredentialType.PASSKEY,
                    List.of(WebAuthnKeys.identifier(all.userHandle())), identity, now));
            sessions.completeWith(holder.session(), WebAuthnMessages.PASSKEY, Session.AAL1);
            credentials.enrolled(identity.tenant().value(), identity.id().toString(), identity.id().toString(), WebAuthnMessages.PASSKEY);
            return new Saved(ui.withGroup(WebAuthnMessages.PASSKEY, nodes(after, schema)));
        };
    }

    /** The identity's ways to sign in: its password, its passkeys, each counted (Kratos' first-factor count). */
    private static int firstFactors(Identity identity, int passkeys) {
        return passkeys + (identity.credential(CredentialType.PASSWORD).isPresent() ? 1 : 0);
    }

    private byte[] newHandle() {
        byte[] handle = new byte[USER_HANDLE_BYTES];
        random.nextBytes(handle);
        return handle;
    }
}
