package dev.gatehouse.selfservice.strategy.passkey;

import dev.gatehouse.credential.webauthn.AssertionVerifier;
import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.RequestOptions;
import dev.gatehouse.credential.webauthn.UserVerification;
import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.credential.webauthn.WebAuthnError;
import dev.gatehouse.credential.webauthn.WebAuthnException;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.strategy.webauthn.Ceremonies;
import dev.gatehouse.selfservice.strategy.webauthn.RelyingParties;
import dev.gatehouse.selfservice.strategy.webauthn.SignInRefusals;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnConfig;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnKeys;
import dev.gatehouse.selfservice.strategy.webauthn.WebAuthnMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code passkey} method of the login flow: sign-in without a user name. The form carries
 * {@code passkey_challenge} (the options for {@code navigator.credentials.get}: a new challenge, no allowed
 * credentials, user verification required), {@code passkey_login} for the browser's answer and
 * {@code passkey_login_trigger}; the identifier field offers passkeys as it is typed into (conditional UI). The
 * answer's user handle names the identity, looked up among this tenant's passkeys only; the answer is checked
 * against the challenge of the form the flow showed (kept on the server) and the stored passkey it names. The
 * session is {@code aal1} with method {@code passkey}, as in Kratos.
 */
@ApplicationScoped
public class PasskeyLogin implements LoginMethod {

    static final String CHALLENGE = "passkey_challenge";
    static final String ANSWER = "passkey_login";
    static final String TRIGGER = "passkey_login_trigger";

    private IdentityService identities;
    private RelyingParties relyingParties;
    private SignInRefusals refusals;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected PasskeyLogin() {
        // for the container's proxy
    }

    @Inject
    public PasskeyLogin(IdentityService identities, RelyingParties relyingParties, SecurityEvents events, Clock clock) {
        this.identities = identities;
        this.relyingParties = relyingParties;
        this.refusals = new SignInRefusals(events);
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
    public boolean offersConditionalUi() {
        return relyingParties.current().passkeyEnabled();
    }

    @Override
    public List<UiNode> nodes() {
        WebAuthnConfig config = relyingParties.current();
        if (!config.passkeyEnabled()) {
            return List.of();
        }
        RequestOptions options = RequestOptions.discoverable(config.relyingParty(), Challenge.generate(random));
        return List.of(Ceremonies.hidden(WebAuthnMessages.PASSKEY, CHALLENGE, options.toJson()),
                Ceremonies.answer(WebAuthnMessages.PASSKEY, ANSWER),
                Ceremonies.trigger(WebAuthnMessages.PASSKEY, TRIGGER, "", WebAuthnMessages.signInWithPasskey()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        WebAuthnConfig config = relyingParties.current();
        Optional<String> answer = submission.field(ANSWER);
        Optional<Challenge> challenge = Ceremonies.challenge(flow.ui(), CHALLENGE);
        if (!config.passkeyEnabled() || challenge.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("Signing in with a passkey is not available.")));
        }
        if (answer.isEmpty()) {
            return refuse(flow, ui.mapNode(ANSWER, n -> n.withMessage(Texts.required(ANSWER))));
        }
        Optional<Identity> owner;
        try {
            owner = AssertionVerifier.userHandle(answer.get()).flatMap(h ->
                    identities.findByCredentialIdentifier(flow.tenant(), CredentialType.PASSKEY, WebAuthnKeys.identifier(h)));
        } catch (WebAuthnException e) {
            return failed(flow, ui, null, e.error(), WebAuthnMessages.verifierWrong());
        }
        Optional<WebAuthnKeys> keys = owner.flatMap(i -> WebAuthnKeys.of(i, CredentialType.PASSKEY));
        if (keys.isEmpty()) {
            return failed(flow, ui, null, WebAuthnError.UNKNOWN_CREDENTIAL, WebAuthnMessages.noSuchUser());
        }
        Identity who = owner.get();
        Instant now = clock.instant();
        WebAuthnCredential used;
        try {
            WebAuthnCredential stored = keys.get().find(AssertionVerifier.credentialId(answer.get()))
                    .orElseThrow(() -> new WebAuthnException(WebAuthnError.UNKNOWN_CREDENTIAL));
            used = new AssertionVerifier(config.relyingParty()).verify(answer.get(), challenge.get(), stored, keys.get().userHandle(),
                    UserVerification.REQUIRED, now);
        } catch (WebAuthnException e) {
            return failed(flow, ui, who, e.error(), WebAuthnMessages.verifierWrong());
        }
        if (!who.isActive()) {
            return failed(flow, ui, who, null, Texts.invalidCredentials());
        }
        WebAuthnKeys updated = keys.get().replacing(used);
        return () -> {
            // refused as a conflict if the identity changed since it was read: the same answer cannot sign in twice at once
            identities.storeCredential(who, CredentialType.PASSKEY, updated.toCredential(CredentialType.PASSKEY,
                    who.credential(CredentialType.PASSKEY).orElseThrow().identifiers(), who, now));
            return new Authenticated(who, ui, WebAuthnMessages.PASSKEY, WebAuthnMessages.PASSKEY);
        };
    }

    private Completion<Result> failed(Flow flow, Ui ui, Identity who, WebAuthnError reason, UiText message) {
        refusals.refused(flow.tenant(), who, WebAuthnMessages.PASSKEY, reason);
        return refuse(flow, ui.withMessage(message));
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
