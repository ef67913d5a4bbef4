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
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code webauthn} method of the login flow: a security key as a second factor, so it answers only in flows
 * that raise a session, for the flow's identity. The form offers {@code webauthn_login_trigger}, whose value is the
 * options for {@code navigator.credentials.get} (a new challenge, the identity's keys allowed), and
 * {@code webauthn_login}, where the browser's answer goes. The answer is checked against the challenge of the form
 * the flow showed (kept on the server) and the stored key it names: origin, relying party, signature, and a
 * signature counter that must go up (else the key may have been cloned). Every refusal counts towards the
 * identity's second-factor lock; while locked, even a right answer is refused. Keys that sign in on their own
 * ({@link WebAuthnPasswordlessLogin}) are neither offered nor accepted here.
 */
@ApplicationScoped
public class WebAuthnLogin implements LoginMethod {

    static final String TRIGGER = "webauthn_login_trigger";
    static final String ANSWER = "webauthn_login";

    private IdentityService identities;
    private SecondFactorGuard guard;
    private RelyingParties relyingParties;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected WebAuthnLogin() {
        // for the container's proxy
    }

    @Inject
    public WebAuthnLogin(IdentityService identities, SecondFactorGuard guard, RelyingParties relyingParties, Clock clock) {
        this.identities = identities;
        this.guard = guard;
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
        return List.of();
    }

    @Override
    public boolean secondFactor() {
        return true;
    }

    /** Passwordless keys are no second factor, and in the password-free mode no key is (as Kratos). */
    @Override
    public boolean enrolled(Identity identity) {
        return relyingParties.current().secondFactor() && !secondFactorKeys(identity).isEmpty();
    }

    @Override
    public List<UiNode> secondFactorNodes(Identity identity) {
        WebAuthnConfig config = relyingParties.current();
        List<WebAuthnCredential> keys = secondFactorKeys(identity);
        if (!config.secondFactor() || keys.isEmpty()) {
            return List.of();
        }
        RequestOptions options = RequestOptions.forCredentials(config.relyingParty(), Challenge.generate(random), keys,
                UserVerification.PREFERRED);
        return List.of(Ceremonies.trigger(WebAuthnMessages.WEBAUTHN, TRIGGER, options.toJson().toString(), WebAuthnMessages.signInWithKey()),
                Ceremonies.answer(WebAuthnMessages.WEBAUTHN, ANSWER));
    }

    private static List<WebAuthnCredential> secondFactorKeys(Identity identity) {
        return WebAuthnKeys.of(identity, CredentialType.WEBAUTHN).map(WebAuthnKeys::secondFactorKeys).orElse(List.of());
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        Optional<String> answer = submission.field(ANSWER);
        if (answer.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.mapNode(ANSWER, n -> n.withMessage(Texts.required(ANSWER))));
        }
        WebAuthnConfig config = relyingParties.current();
        Optional<Challenge> challenge = Ceremonies.challenge(flow.ui(), TRIGGER);
        if (!config.secondFactor() || challenge.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(WebAuthnMessages.noKey()));
        }
        SecondFactorGuard.Attempt attempt = guard.begin(flow);
        Identity who = attempt.identity();
        Optional<WebAuthnKeys> keys = WebAuthnKeys.of(who, CredentialType.WEBAUTHN);
        if (keys.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(WebAuthnMessages.noKey()));
        }
        Instant now = clock.instant();
        WebAuthnCredential used;
        try {
            WebAuthnCredential stored = keys.get().find(AssertionVerifier.credentialId(answer.get()))
                    .filter(k -> !keys.get().isPasswordless(k))
                    .orElseThrow(() -> new WebAuthnException(WebAuthnError.UNKNOWN_CREDENTIAL));
            used = new AssertionVerifier(config.relyingParty()).verify(answer.get(), challenge.get(), stored,
                    keys.get().userHandle(), UserVerification.PREFERRED, now);
        } catch (WebAuthnException e) {
            guard.failed(flow, attempt, WebAuthnMessages.WEBAUTHN, e.error().name().toLowerCase(Locale.ROOT));
            return SecondFactorGuard.refuse(flow, ui.withMessage(WebAuthnMessages.verifierWrong()));
        }
        if (attempt.locked()) {
            guard.failed(flow, attempt, WebAuthnMessages.WEBAUTHN, "locked");
            return SecondFactorGuard.refuse(flow, ui.withMessage(WebAuthnMessages.verifierWrong()));
        }
        WebAuthnKeys updated = keys.get().replacing(used);
        List<String> identifiers = who.credential(CredentialType.WEBAUTHN).orElseThrow().identifiers();
        return () -> {
            // refused as a conflict if the identity changed since it was read: one answer cannot raise two sessions at once
            identities.storeCredential(who, CredentialType.WEBAUTHN, updated.toCredential(CredentialType.WEBAUTHN, identifiers, who, now));
            guard.succeeded(flow);
            return new Authenticated(who, ui, WebAuthnMessages.WEBAUTHN, WebAuthnMessages.WEBAUTHN);
        };
    }
}
