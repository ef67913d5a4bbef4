package dev.gatehouse.selfservice.strategy.lookup;

import dev.gatehouse.credential.lookup.RecoveryCodeSet;
import dev.gatehouse.credential.lookup.RecoveryCodes;
import dev.gatehouse.credential.lookup.Redemption;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code lookup_secret} method of the login flow: a second factor, so it answers only in flows that raise a
 * session, for the flow's identity. An unused recovery code is accepted and marked used in the same transaction
 * that raises the session (an identity changed in between is a conflict, so one code cannot be used twice at
 * once); a used or unknown code is refused with Kratos' message and counts towards the identity's second-factor
 * lock, which also refuses right codes while it holds.
 */
@ApplicationScoped
public class LookupLogin implements LoginMethod {

    static final String CODE = "lookup_secret";

    private IdentityService identities;
    private RecoveryCodes codes;
    private SecondFactorGuard guard;
    private Clock clock;

    protected LookupLogin() {
        // for the container's proxy
    }

    @Inject
    public LookupLogin(IdentityService identities, RecoveryCodes codes, SecondFactorGuard guard, Clock clock) {
        this.identities = identities;
        this.codes = codes;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public String id() {
        return LookupMessages.METHOD;
    }

    @Override
    public int order() {
        return LookupMessages.ORDER;
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
        if (LookupCredential.of(identity).filter(s -> !s.usedUp()).isEmpty()) {
            return List.of();
        }
        return SecondFactorGuard.form(LookupMessages.METHOD, CODE, "off", LookupMessages.codeLabel(), LookupMessages.useCode());
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        Optional<String> code = submission.field(CODE).map(String::trim).filter(c -> !c.isEmpty());
        if (code.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.mapNode(CODE, n -> n.withMessage(Texts.required(CODE))));
        }
        SecondFactorGuard.Attempt attempt = guard.begin(flow);
        Identity who = attempt.identity();
        Optional<RecoveryCodeSet> set = LookupCredential.of(who);
        if (set.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(LookupMessages.noCodes()));
        }
        Instant now = clock.instant();
        Redemption redemption = codes.redeem(set.get(), code.get(), now);
        if (attempt.locked() || !(redemption instanceof Redemption.Redeemed redeemed)) {
            UiText message = redemption instanceof Redemption.AlreadyUsed ? LookupMessages.alreadyUsed() : LookupMessages.invalid();
            guard.failed(flow, attempt, LookupMessages.METHOD, attempt.locked() ? "locked"
                    : redemption instanceof Redemption.AlreadyUsed ? "already_used" : "invalid");
            return SecondFactorGuard.refuse(flow, ui.mapNode(CODE, n -> n.withMessage(message)));
        }
        return () -> {
            identities.storeCredential(who, CredentialType.LOOKUP_SECRET,
                    Optional.of(LookupCredential.toCredential(who, redeemed.updated(), now)));
            guard.succeeded(flow);
            return new Authenticated(who, ui, LookupMessages.METHOD, LookupMessages.METHOD);
        };
    }
}
