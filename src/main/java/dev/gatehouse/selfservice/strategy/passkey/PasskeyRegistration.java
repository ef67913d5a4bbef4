package dev.gatehouse.selfservice.strategy.passkey;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.CreationOptions;
import dev.gatehouse.credential.webauthn.UserVerification;
import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.registration.FormMessages;
import dev.gatehouse.selfservice.registration.Registrar;
import dev.gatehouse.selfservice.registration.RegistrationMethod;
import dev.gatehouse.selfservice.strategy.webauthn.Ceremonies;
import dev.gatehouse.selfservice.strategy.webauthn.NewKey;
import dev.gatehouse.selfservice.strategy.webauthn.RelyingParties;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnConfig;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnKeys;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code passkey} method of the registration flow: an identity with its identifier traits and a passkey, no
 * password.
 * <pre>
 *   choose_method ──traits, method=passkey──▶ choose_method, the form now with passkey_create_data
 *        ──passkey_register (the browser's answer), same identifier──▶ passed_challenge (the identity is created)
 * </pre>
 * The first step checks the traits and that the identifier is free, and shows {@code passkey_create_data}
 * ({@code {"credentialOptions": {"publicKey": ...}}}: a new challenge and a random user handle, named for the
 * identifier), {@code passkey_register_trigger} and {@code passkey_register}. The second step checks the answer
 * against that challenge (from the flow kept on the server) and that the traits still name the same identifier,
 * then creates the identity with the passkey in one insert. The user handle becomes the credential's identifier.
 */
@ApplicationScoped
public class PasskeyRegistration implements RegistrationMethod {

    static final String CREATE_DATA = "passkey_create_data";
    static final String TRIGGER = "passkey_register_trigger";
    static final String REGISTER = "passkey_register";
    private static final int USER_HANDLE_BYTES = 32;

    private IdentityService identities;
    private Registrar registrar;
    private RelyingParties relyingParties;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected PasskeyRegistration() {
        // for the container's proxy
    }

    @Inject
    public PasskeyRegistration(IdentityService identities, Registrar registrar, RelyingParties relyingParties, Clock clock) {
        this.identities = identities;
        this.registrar = registrar;
        this.relyingParties = relyingParties;
        this.clock = clock;
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
    public List<UiNode> nodes() {
        if (!relyingParties.current().passkeyEnabled()) {
            return List.of();
        }
        return List.of(UiNode.input(WebAuthnMessages.PASSKEY, "method", "submit", JsonP.createValue(WebAuthnMessages.PASSKEY), false,
                null, WebAuthnMessages.signUpWithPasskey()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        WebAuthnConfig config = relyingParties.current();
        if (!config.passkeyEnabled()) {
            return refuse(flow, ui.withMessage(Texts.generic("This sign-up method is not available.")));
        }
        List<TraitError> errors = schema.validate(submission.traits());
        if (!errors.isEmpty()) {
            return refuse(flow, FormMessages.traitErrors(ui, errors));
        }
        Optional<String> account = Ceremonies.accountName(schema, submission.traits());
        if (account.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("No trait of this schema names the account a passkey is for.")));
        }
        Optional<String> answer = submission.field(REGISTER).filter(a -> !"true".equals(a));
        if (answer.isEmpty()) {
            return offer(flow, ui, config, account.get());
        }
        Optional<String> named = Ceremonies.userName(flow.ui(), CREATE_DATA);
        Optional<byte[]> handle = Ceremonies.userHandle(flow.ui(), CREATE_DATA);
        if (named.isEmpty() || handle.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("Send the traits first to get the options for a passkey.")));
        }
        if (!named.get().toLowerCase(Locale.ROOT).equals(account.get().toLowerCase(Locale.ROOT))) {
            return refuse(flow, ui.withMessage(Texts.traitsMismatch()));
        }
        Instant now = clock.instant();
        NewKey.Outcome outcome = NewKey.check(config, flow.ui(), CREATE_DATA, answer, UserVerification.REQUIRED, "", Optional.empty(), now);
        if (outcome instanceof NewKey.Refused refused) {
            return refuse(flow, ui.withMessage(refused.why()));
        }
        WebAuthnCredential passkey = ((NewKey.Made) outcome).credential();
        WebAuthnKeys keys = new WebAuthnKeys(handle.get(), List.of(passkey));
        IdentityDraft draft = new IdentityDraft(Optional.of(schema.id()), submission.traits(), Optional.empty(), JsonValue.NULL,
                JsonValue.NULL, Optional.empty(), List.of());
        // its own transaction, before the submission's: a taken identifier rolls back only the identity
        return Completion.of(registrar.create(flow, ui, draft, WebAuthnMessages.PASSKEY, List.of(keys.toCredential(CredentialType.PASSKEY,
                List.of(WebAuthnKeys.identifier(handle.get())), null, now).orElseThrow())));
    }

    /** The first step: the options for a passkey named for {@code account}, once it is known to be free. */
    private Completion<Result> offer(Flow flow, Ui ui, WebAuthnConfig config, String account) {
        if (identities.findByIdentifier(flow.tenant(), account).isPresent()
                || identities.findByCodeIdentifier(flow.tenant(), account).isPresent()) {
            return refuse(flow, ui.withMessage(Texts.duplicateCredentials()));
        }
        byte[] handle = new byte[USER_HANDLE_BYTES];
        random.nextBytes(handle);
        CreationOptions options = CreationOptions.passkey(config.relyingParty(), config.attestationPolicy(), handle, account, account,
                Challenge.generate(random), List.of());
        List<UiNode> nodes = List.of(
                Ceremonies.hidden(WebAuthnMessages.PASSKEY, CREATE_DATA, JsonP.createObjectBuilder().add("credentialOptions", options.toJson()).build()),
                Ceremonies.trigger(WebAuthnMessages.PASSKEY, TRIGGER, "", WebAuthnMessages.signUpWithPasskey()),
                Ceremonies.answer(WebAuthnMessages.PASSKEY, REGISTER));
        return Completion.of(new Answered(flow.showing(ui.withGroup(WebAuthnMessages.PASSKEY, nodes)), true));
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
