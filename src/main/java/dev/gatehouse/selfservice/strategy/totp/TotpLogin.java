package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpResult;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code totp} method of the login flow: a second factor, so it answers only in flows that raise a
 * session (Kratos' AAL2 form), for the flow's identity. A code is accepted for the current 30-second step and
 * one either side, once: the accepted step is stored and a code for it or an earlier step is refused. Every
 * refusal counts towards the identity's second-factor lock (the login throttle's limits); while locked, even a
 * right code is refused with the same message.
 */
@ApplicationScoped
public class TotpLogin implements LoginMethod {

    static final String CODE = "totp_code";

    private IdentityService identities;
    private SecondFactorGuard guard;
    private Clock clock;
    private final Totp totp = new Totp();

    protected TotpLogin() {
        // for the container's proxy
    }

    @Inject
    public TotpLogin(IdentityService identities, SecondFactorGuard guard, Clock clock) {
        this.identities = identities;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public String id() {
        return TotpMessages.METHOD;
    }

    @Override
    public int order() {
        return TotpMessages.ORDER;
    }

    @Override
    public List<UiNode> nodes() {
        return List.of();
    }

    @Override
    public boolean secondFactor() {
        return true;
    }

    @Override
    public List<UiNode> secondFactorNodes(Identity identity) {
        if (TotpCredential.of(identity).isEmpty()) {
            return List.of();
        }
        return SecondFactorGuard.form(TotpMessages.METHOD, CODE, "one-time-code", TotpMessages.codeLabel(), TotpMessages.useAuthenticator());
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        Optional<String> code = submission.field(CODE).map(String::trim).filter(c -> !c.isEmpty());
        if (code.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.mapNode(CODE, n -> n.withMessage(Texts.required(CODE))));
        }
        SecondFactorGuard.Attempt attempt = guard.begin(flow);
        Identity who = attempt.identity();
        Optional<TotpCredential> credential = TotpCredential.of(who);
        if (credential.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(TotpMessages.noDevice()));
        }
        Instant now = clock.instant();
        TotpResult result = totp.verify(credential.get().secret(), code.get(), now, credential.get().lastUsedStep());
        if (attempt.locked() || !(result instanceof TotpResult.Accepted accepted)) {
            guard.failed(flow, attempt, TotpMessages.METHOD,
                    attempt.locked() ? "locked" : ((TotpResult.Refused) result).reason().name().toLowerCase(Locale.ROOT));
            return SecondFactorGuard.refuse(flow, ui.mapNode(CODE, n -> n.withMessage(TotpMessages.wrongCode())));
        }
        return () -> {
            // refused as a conflict if the identity changed since it was read: the same code used twice at once
            identities.storeCredential(who, CredentialType.TOTP,
                    Optional.of(credential.get().used(accepted.step()).toCredential(who, now)));
            guard.succeeded(flow);
            return new Authenticated(who, ui, TotpMessages.METHOD, TotpMessages.METHOD);
        };
    }
}
