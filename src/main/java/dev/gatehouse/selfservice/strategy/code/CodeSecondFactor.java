package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.kernel.config.EffectiveConfig;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.SelfServiceTenantSettings;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.code.SendLimits;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code code} method as a second factor (Kratos' {@code selfservice.methods.code.mfa_enabled}): a login flow
 * that raises a session to {@code aal2} offers one {@code address} button per verified address of the identity
 * (e-mail or phone, label 1010023 "Send code to …"); the code goes there by e-mail or SMS, and the right code raises
 * the session with method {@code code}, the authentication method entry keeping {@code via} ({@code email} or
 * {@code sms}).
 * <pre>
 *   choose_method ──address──▶ sent_email ──right code──▶ passed_challenge (the login handler raises the session)
 *                                │  ▲ resend (rate-limited), wrong code (counted per identity, as every second factor)
 *                                └──┘
 * </pre>
 * Only the identity's own verified addresses can be chosen (anything else answers 4010010), so a second factor is
 * never sent to an address an attacker typed. Off unless {@code gatehouse.selfservice.methods.code.mfa-enabled} (a
 * tenant setting).
 */
@ApplicationScoped
public class CodeSecondFactor implements LoginMethod {

    private static final String ADDRESS = "address";
    private static final String CODE = "code";

    private OneTimeCodes codes;
    private CodeMessages messages;
    private IdentityService identities;
    private SecondFactorGuard guard;
    private SendLimits limits;
    private SelfServiceConfig config;
    private Supplier<Boolean> enabled;

    protected CodeSecondFactor() {
        // for the container's proxy
    }

    /** Switched on or off by the current tenant's {@code selfservice.methods.code.mfa-enabled}, else the global key. */
    @Inject
    public CodeSecondFactor(OneTimeCodes codes, CodeMessages messages, IdentityService identities, SecondFactorGuard guard,
                            SendLimits limits, SelfServiceConfig config, EffectiveConfig effective, SelfServiceTenantSettings settings) {
        this(codes, messages, identities, guard, limits, config);
        this.enabled = () -> effective.of(settings).codeMfaEnabled();
    }

    /** Switched on or off by {@code config} alone. */
    public CodeSecondFactor(OneTimeCodes codes, CodeMessages messages, IdentityService identities, SecondFactorGuard guard,
                            SendLimits limits, SelfServiceConfig config) {
        this.enabled = config::codeMfaEnabled;
        this.codes = codes;
        this.messages = messages;
        this.identities = identities;
        this.guard = guard;
        this.limits = limits;
        this.config = config;
    }

    @Override
    public String id() {
        return CodeLogin.METHOD;
    }

    @Override
    public int order() {
        return CodeMethods.ORDER;
    }

    /** Nothing on a first-factor form: the first-factor code method is {@link CodeLogin}. */
    @Override
    public List<UiNode> nodes() {
        return List.of();
    }

    /** Always a second factor (never a first one, whatever the configuration); it offers nothing while switched off. */
    @Override
    public boolean secondFactor() {
        return true;
    }

    /** Kratos' address buttons post only {@code address}, without {@code method}. */
    @Override
    public boolean claims(Submission submission) {
        return submission.field(ADDRESS).isPresent();
    }

    @Override
    public List<UiNode> secondFactorNodes(Identity identity) {
        return secondFactorNodes(identity, Optional.empty());
    }

    /**
     * With Kratos' {@code via} (a trait's name, such as {@code phone}), only the button of the verified address that
     * trait holds; none if it holds no verified address.
     */
    @Override
    public List<UiNode> secondFactorNodes(Identity identity, Optional<String> via) {
        if (!enabled.get()) {
            return List.of();
        }
        Optional<String> wanted = via.map(trait -> traitValue(identity, trait)).map(identities::normaliseIdentifier);
        return CodeAddress.verified(identity).stream()
                .filter(a -> wanted.isEmpty() || a.address().equalsIgnoreCase(wanted.get()))
                .map(a -> UiNode.input(CODE, ADDRESS, "submit", JsonP.createValue(a.address()), false, null,
                        Texts.sendCodeTo(a.channel().wire(), a.address())))
                .toList();
    }

    /** The string at the trait's dot-separated path, or empty text. */
    private static String traitValue(Identity identity, String path) {
        jakarta.json.JsonValue node = identity.traits();
        for (String name : path.split("\\.")) {
            node = node instanceof jakarta.json.JsonObject o ? o.get(name) : null;
        }
        return node instanceof jakarta.json.JsonString s ? s.getString() : "";
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        if (!enabled.get()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(Texts.generic("The sign-in method code is not available.")));
        }
        if (codes.isExhausted(flow.tenant(), flow.id())) {
            throw new FlowError(FlowError.Kind.SPENT);
        }
        Optional<String> code = submission.field(CODE).map(String::trim).filter(c -> !c.isEmpty());
        if (flow.state() == FlowState.SENT_EMAIL && code.isPresent() && submission.field("resend").isEmpty()) {
            // a typed code is an attempt, reserved (counted) before it is checked
            return check(flow, ui, guard.begin(flow), code.get());
        }
        // asking for a code is no attempt: it only reads who the flow is for
        Identity who = identities.find(flow.tenant(), flow.identity().toString()).filter(Identity::isActive)
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        String asked = identities.normaliseIdentifier(submission.field(ADDRESS).or(() -> flow.ui().valueOf(ADDRESS)).orElse(""));
        Optional<CodeAddress> to = CodeAddress.verified(who).stream().filter(a -> a.address().equalsIgnoreCase(asked)).findFirst();
        if (to.isEmpty()) {
            return SecondFactorGuard.refuse(flow, ui.withMessage(Texts.addressUnknown()));
        }
        return () -> send(flow, ui, who, to.get());
    }

    private Result send(Flow flow, Ui ui, Identity who, CodeAddress to) {
        if (limits.exhausted(flow.tenant(), to.channel(), to.address())) {
            return new Answered(flow.showing(ui.withMessage(Texts.tooManyCodes())), false);
        }
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.LOGIN, to.address(), who.id(),
                config.codeLifespan());
        if (issued.isEmpty()) {
            return new Answered(flow.showing(ui.withMessage(Texts.codeResentTooSoon(config.codeResendInterval().toSeconds()))), false);
        }
        limits.counted(flow.tenant(), to.channel(), to.address());
        messages.send(flow.tenant(), to.channel(), MessageTemplate.LOGIN_CODE_VALID, to.address(), who.id(),
                Map.of("code", issued.get().code(), "to", to.address()));
        return new Answered(flow.sentEmail(CodeLogin.codeForm(flow, ADDRESS, to.address(),
                to.channel() == Channel.SMS ? Texts.loginCodeSentBySms() : Texts.loginCodeSent())), true);
    }

    private Completion<Result> check(Flow flow, Ui ui, SecondFactorGuard.Attempt attempt, String presented) {
        Identity who = attempt.identity();
        boolean locked = attempt.locked();
        // a locked identity's code is judged as an impossible one, so the flow counts the try all the same
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.LOGIN, locked ? "" : presented);
        boolean proven = checked.verdict() == CodeRules.Verdict.ACCEPTED && checked.code().identity() != null
                && checked.code().identity().equals(who.id());
        String address = checked.code() == null ? flow.ui().valueOf(ADDRESS).orElse("") : checked.code().address();
        CodeAddress to = new CodeAddress(CodeAddress.channelOf(address), address);
        if (!proven) {
            guard.failed(flow, attempt, CodeLogin.METHOD, locked ? "locked"
                    : checked.verdict() == CodeRules.Verdict.EXHAUSTED ? "too many attempts" : "wrong_code");
            return SecondFactorGuard.refuse(flow, CodeLogin.codeForm(flow, ADDRESS, to.address(), Texts.loginCodeInvalid()));
        }
        return () -> {
            guard.succeeded(flow);
            return new Authenticated(who, ui.withoutMessages(), CodeLogin.METHOD, CodeLogin.METHOD, to.channel().wire());
        };
    }
}
