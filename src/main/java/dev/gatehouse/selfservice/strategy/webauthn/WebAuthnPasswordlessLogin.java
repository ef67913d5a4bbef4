package dev.gatehouse.selfservice.strategy.webauthn;

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
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.login.LoginMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webauthn} method of the login flow in the password-free mode ({@link WebAuthnConfig#passwordless()}):
 * a security key signs in on its own (Kratos' {@code loginPasswordless}).
 * <pre>
 *   choose_method ──identifier, method=webauthn──▶ choose_method: identifier (hidden), webauthn_login_trigger
 *        ──webauthn_login (the browser's answer)──▶ passed_challenge (a session at aal1, method webauthn)
 * </pre>
 * The first step finds the identity by its identifier within the tenant and offers, as the trigger's value, the
 * options for {@code navigator.credentials.get} with its passwordless keys allowed; an identifier without such keys
 * is told so (4000015), as Kratos does. The second checks the answer against the challenge of the form the flow
 * showed (kept on the server) and one of those keys: a key of another identity, or one that is only a second factor,
 * is refused.
 */
@ApplicationScoped
public class WebAuthnPasswordlessLogin implements LoginMethod {

    private static final String IDENTIFIER = "identifier";

    private IdentityService identities;
    private RelyingParties relyingParties;
    private SignInRefusals refusals;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected WebAuthnPasswordlessLogin() {
        // for the container's proxy
    }

    @Inject
    public WebAuthnPasswordlessLogin(IdentityService identities, RelyingParties relyingParties, SecurityEvents events, Clock clock) {
        this.identities = identities;
        this.relyingParties = relyingParties;
        this.refusals = new SignInRefusals(events);
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
        if (!relyingParties.current().passwordless()) {
            return List.of();
        }
        return List.of(UiNode.input(WebAuthnMessages.WEBAUTHN, "method", "submit", JsonP.createValue(WebAuthnMessages.WEBAUTHN), false,
                null, WebAuthnMessages.signInWithKey()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        WebAuthnConfig config = relyingParties.current();
        if (!config.passwordless()) {
            return refuse(flow, ui.withMessage(Texts.generic("Signing in with a security key alone is not available.")));
        }
        String identifier = submission.field(IDENTIFIER).map(String::trim).orElse("");
        if (identifier.isEmpty()) {
            return refuse(flow, ui.mapNode(IDENTIFIER, n -> n.withMessage(Texts.required(IDENTIFIER))));
        }
        Optional<Identity> owner = PasswordlessKeys.owner(identities, flow.tenant(), identifier);
        Optional<WebAuthnKeys> keys = owner.flatMap(i -> WebAuthnKeys.of(i, CredentialType.WEBAUTHN))
                .filter(k -> !k.passwordlessKeys().isEmpty());
        if (keys.isEmpty()) {
            return failed(flow, ui, null, WebAuthnError.UNKNOWN_CREDENTIAL, WebAuthnMessages.noSuchUser());
        }
        Optional<String> answer = submission.field(WebAuthnLogin.ANSWER).filter(a -> !a.isBlank());
        if (answer.isEmpty()) {
            return offer(flow, ui, config, identifier, keys.get().passwordlessKeys());
        }
        Optional<Challenge> challenge = Ceremonies.challenge(flow.ui(), WebAuthnLogin.TRIGGER);
        if (challenge.isEmpty()) {
            return refuse(flow, ui.withMessage(Texts.generic("Send the identifier first to get the options for a security key.")));
        }
        Identity who = owner.get();
        Instant now = clock.instant();
        WebAuthnCredential used;
        try {
            WebAuthnCredential stored = keys.get().find(AssertionVerifier.credentialId(answer.get())).filter(keys.get()::isPasswordless)
                    .orElseThrow(() -> new WebAuthnException(WebAuthnError.UNKNOWN_CREDENTIAL));
            used = new AssertionVerifier(config.relyingParty()).verify(answer.get(), challenge.get(), stored, keys.get().userHandle(),
                    UserVerification.PREFERRED, now);
        } catch (WebAuthnException e) {
            return failed(flow, ui, who, e.error(), WebAuthnMessages.verifierWrong());
        }
        if (!who.isActive()) {
            return failed(flow, ui, who, null, Texts.invalidCredentials());
        }
        WebAuthnKeys updated = keys.get().replacing(used);
        List<String> stored = who.credential(CredentialType.WEBAUTHN).orElseThrow().identifiers();
        return () -> {
            // refused as a conflict if the identity changed since it was read: the same answer cannot sign in twice at once
            identities.storeCredential(who, CredentialType.WEBAUTHN, updated.toCredential(CredentialType.WEBAUTHN, stored, who, now));
            return new Authenticated(who, ui, WebAuthnMessages.WEBAUTHN, WebAuthnMessages.WEBAUTHN);
        };
    }

    /** The second form: the identifier kept (hidden) and the options for the identity's passwordless keys. */
    private Completion<Result> offer(Flow flow, Ui ui, WebAuthnConfig config, String identifier, List<WebAuthnCredential> keys) {
        RequestOptions options = RequestOptions.forCredentials(config.relyingParty(), Challenge.generate(random), keys,
                UserVerification.PREFERRED);
        List<UiNode> nodes = new ArrayList<>();
        ui.nodes().stream().filter(n -> n.group().equals("default") && !n.name().equals(IDENTIFIER))
                .forEach(nodes::add);
        nodes.add(UiNode.input("default", IDENTIFIER, "hidden", JsonP.createValue(identifier), true, null, null));
        nodes.add(Ceremonies.trigger(WebAuthnMessages.WEBAUTHN, WebAuthnLogin.TRIGGER, options.toJson().toString(),
                WebAuthnMessages.continueSignIn()));
        nodes.add(Ceremonies.answer(WebAuthnMessages.WEBAUTHN, WebAuthnLogin.ANSWER));
        Ui next = new Ui(ui.action(), ui.method(), nodes, List.of(WebAuthnMessages.preparePasswordless()));
        return Completion.of(new Answered(flow.showing(next), true));
    }

    private Completion<Result> failed(Flow flow, Ui ui, Identity who, WebAuthnError reason, UiText message) {
        refusals.refused(flow.tenant(), who, WebAuthnMessages.WEBAUTHN, reason);
        return refuse(flow, ui.withMessage(message));
    }

    private static Completion<Result> refuse(Flow flow, Ui ui) {
        return Completion.of(new Answered(flow.showing(ui), false));
    }
}
