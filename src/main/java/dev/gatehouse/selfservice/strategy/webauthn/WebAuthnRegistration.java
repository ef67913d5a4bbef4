package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.CreationOptions;
import dev.gatehouse.credential.webauthn.UserVerification;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webauthn} method of the registration flow in the password-free mode ({@link WebAuthnConfig#passwordless()}):
 * an identity with its traits and a security key, no password (Kratos' webauthn registration). A new form offers,
 * beside the traits, {@code webauthn_register_displayname}, {@code webauthn_register_trigger}, whose value is the
 * options for {@code navigator.credentials.create} (a new challenge and a random user handle), and
 * {@code webauthn_register} for the browser's answer. One submission brings the traits and the answer, which is
 * checked against the challenge of the form the flow showed (kept on the server); the identity is created with the
 * key marked passwordless, found later by its account names.
 */
@ApplicationScoped
public class WebAuthnRegistration implements RegistrationMethod {

    private static final int USER_HANDLE_BYTES = 16;

    private IdentityService identities;
    private Registrar registrar;
    private RelyingParties relyingParties;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected WebAuthnRegistration() {
        // for the container's proxy
    }

    @Inject
    public WebAuthnRegistration(IdentityService identities, Registrar registrar, RelyingParties relyingParties, Clock clock) {
        this.identities = identities;
        this.registrar = registrar;
        this.relyingParties = relyingParties;
        this.clock = clock;
    }

    @Override
    public String id() {
        return WebAuthnMessages.WEBAUTHN;
    }

    @Override
    public int order() {
        return WebAuthnMessages.WEBAUTHN_ORDER;
    }

    @Override
    public List<UiNode> nodes() {
        WebAuthnConfig config = relyingParties.current();
        if (!config.passwordless()) {
            return List.of();
        }
        byte[] handle = new byte[USER_HANDLE_BYTES];
        random.nextBytes(handle);
        // the account name is not known before the traits come: the authenticator shows the key's own name (as Kratos)
        CreationOptions options = CreationOptions.secondFactor(config.relyingParty(), config.attestationPolicy(), handle, "", "",
                Challenge.generate(random), UserVerification.PREFERRED, List.of());
        return List.of(UiNode.input(WebAuthnMessages.WEBAUTHN, WebAuthnSettings.NAME, "text", JsonP.createValue(""), false, null,
                        WebAuthnMessages.keyName()),
                Ceremonies.trigger(WebAuthnMessages.WEBAUTHN, WebAuthnSettings.TRIGGER, options.toJson().toString(),
                        WebAuthnMessages.signUpWithKey()),
                Ceremonies.answer(WebAuthnMessages.WEBAUTHN, WebAuthnSettings.REGISTER));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        WebAuthnConfig config = relyingParties.current();
        Optional<byte[]> handle = Ceremonies.userHandle(flow.ui(), WebAuthnSettings.TRIGGER);
        if (!config.passwordless() || handle.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("This sign-up method is not available.")));
        }
        List<TraitError> errors = schema.validate(submission.traits());
        if (!errors.isEmpty()) {
            return refuse(flow, FormMessages.traitErrors(ui, errors));
        }
        Optional<String> answer = submission.field(WebAuthnSettings.REGISTER).filter(a -> !a.isBlank());
        if (answer.isEmpty()) {
            return refuse(flow, ui.mapNode(WebAuthnSettings.REGISTER, n -> n.withMessage(Texts.required(WebAuthnSettings.REGISTER))));
        }
        JsonObject traits = identities.normaliseTraits(schema, submission.traits());
        List<String> names = PasswordlessKeys.accountNames(schema, traits);
        if (names.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("No trait of this schema names the account a security key is for.")));
        }
        if (names.stream().anyMatch(n -> PasswordlessKeys.owner(identities, flow.tenant(), n).isPresent())) {
            return refuse(flow, ui.withMessage(Texts.duplicateCredentials()));
        }
        Instant now = clock.instant();
        NewKey.Outcome outcome = NewKey.check(config, flow.ui(), WebAuthnSettings.TRIGGER, answer, UserVerification.PREFERRED,
                WebAuthnSettings.displayName(submission), Optional.empty(), now);
        if (outcome instanceof NewKey.Refused refused) {
            return refuse(flow, ui.withMessage(refused.why()));
        }
        WebAuthnKeys keys = new WebAuthnKeys(handle.get(), List.of()).with(((NewKey.Made) outcome).credential(), true);
        IdentityDraft draft = new IdentityDraft(Optional.of(schema.id()), submission.traits(), Optional.empty(), JsonValue.NULL,
                JsonValue.NULL, Optional.empty(), List.of());
        // its own transaction, before the submission's: a taken identifier rolls back only the identity
        return Completion.of(registrar.create(flow, ui, draft, WebAuthnMessages.WEBAUTHN,
                List.of(keys.toCredential(CredentialType.WEBAUTHN, names, null, now).orElseThrow())));
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
