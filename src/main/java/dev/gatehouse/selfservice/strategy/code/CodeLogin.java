package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.code.SendLimits;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code code} method of the login flow (Kratos' passwordless code), and Gatehouse's sign-in link:
 * <pre>
 *   choose_method ──identifier──▶ sent_email ──right code / link──▶ passed_challenge (the login handler signs in)
 *                                   │  ▲ resend (new code, old one retired, rate-limited), wrong code
 *                                   └──┘ (max attempts: spent)
 * </pre>
 * An unknown identifier is answered exactly like a known one: a code is stored (it can never succeed) and
 * nothing is sent. The e-mail carries the code and a link with a 256-bit token; the link is bound to the flow
 * (its HMAC sits with the code) and, because the endpoint demands the flow's CSRF cookie, to the browser that
 * started the flow. Codes and tokens are never logged. Wrong codes are counted per identifier across flows
 * ({@link LoginThrottle}), so a flood of guesses spread over many flows locks the identifier. All of a submission
 * runs in its one transaction (there is no slow work: the mail goes to the courier's outbox).
 */
@ApplicationScoped
public class CodeLogin implements LoginMethod {

    static final String METHOD = "code";
    static final String LINK_METHOD = "code_link";

    private OneTimeCodes codes;
    private CodeMessages messages;
    private IdentityService identities;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private SelfServiceConfig config;
    private LoginThrottle throttle;
    private SendLimits limits;

    private static final Logger LOG = Logs.of(CodeLogin.class);

    protected CodeLogin() {
        // for the container's proxy
    }

    @Inject
    public CodeLogin(OneTimeCodes codes, CodeMessages messages, IdentityService identities, SecurityEvents events,
                     SelfServiceConfig config, LoginThrottle throttle, SendLimits limits) {
        this.limits = limits;
        this.codes = codes;
        this.messages = messages;
        this.identities = identities;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.config = config;
        this.throttle = throttle;
    }

    @Override
    public String id() {
        return METHOD;
    }

    @Override
    public int order() {
        return CodeMethods.ORDER;
    }

    /** The login form's button for this method. */
    @Override
    public List<UiNode> nodes() {
        return List.of(UiNode.input("code", "method", "submit", JsonP.createValue(METHOD), false, null, Texts.sendSignInCode()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui) {
        return () -> handle(flow, submission);
    }

    private Result handle(Flow flow, Submission submission) {
        if (codes.isExhausted(flow.tenant(), flow.id())) {
            throw new FlowError(FlowError.Kind.SPENT);
        }
        boolean sent = flow.state() == FlowState.SENT_EMAIL;
        Optional<String> code = submission.field("code");
        if (sent && code.isPresent()) {
            return check(flow, code.get().trim());
        }
        String identifier = sent ? flow.ui().valueOf("identifier").orElse("")
                : submission.field("identifier").map(identities::normaliseIdentifier).orElse("");
        if (identifier.isEmpty() || identifier.length() > 320) {
            return answer(flow, flow.ui().withoutMessages().withMessage(Texts.required("identifier")), false);
        }
        return send(flow, identifier);
    }

    private Result send(Flow flow, String identifier) {
        Optional<Identity> owner = identities.findByCodeIdentifier(flow.tenant(), identifier).filter(Identity::isActive);
        Optional<CodeAddress> to = owner.flatMap(i -> CodeAddress.of(i, identifier));
        // an unknown identifier is counted by its own form, as a known one would be: the limit tells nobody who is registered
        Channel channel = to.map(CodeAddress::channel).orElse(CodeAddress.channelOf(identifier));
        if (limits.exhausted(flow.tenant(), channel, identifier)) {
            return answer(flow, flow.ui().withoutMessages().withMessage(Texts.tooManyCodes()), false);
        }
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.LOGIN, identifier,
                owner.map(Identity::id).orElse(null), config.codeLifespan(), new OneTimeCodes.Extras(true, null));
        if (issued.isEmpty()) {
            return answer(flow, flow.ui().withoutMessages().withMessage(Texts.codeResentTooSoon(config.codeResendInterval().toSeconds())),
                    false);
        }
        limits.counted(flow.tenant(), channel, identifier);
        if (to.isPresent()) {
            String link = flow.actionBase() + "/self-service/login/code-link?flow=" + flow.id() + "&token=" + issued.get().linkToken();
            messages.send(flow.tenant(), to.get().channel(), MessageTemplate.LOGIN_CODE_VALID, to.get().address(), owner.get().id(),
                    Map.of("code", issued.get().code(), "to", to.get().address(), "link", link));
        }
        return new Answered(flow.sentEmail(codeForm(flow, identifier,
                channel == Channel.SMS ? Texts.loginCodeSentBySms() : Texts.loginCodeSent())), true);
    }

    /**
     * Checks a typed code. Wrong codes count against the identifier in {@link LoginThrottle} as failed passwords
     * do, over all flows: a locked identifier's code is refused unseen (and the try counted in the flow), with
     * the same answer as a wrong code or an unknown identifier.
     */
    private Result check(Flow flow, String presented) {
        String identifier = flow.ui().valueOf("identifier").orElse("");
        // per identifier only: each flow already allows few tries, and the per-address count is the password's
        boolean locked = throttle.isLocked(flow.tenant(), identifier, null);
        // a locked identifier's code is judged as an impossible one, so the flow counts the try all the same
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.LOGIN, locked ? "" : presented);
        Optional<Identity> who = proven(flow, checked);
        if (who.isEmpty()) {
            failed(flow, checked, METHOD, locked ? "locked" : null);
            countFailure(flow.tenant(), identifier);
            return answer(flow, codeForm(flow, identifier, Texts.loginCodeInvalid()), false);
        }
        throttle.succeeded(flow.tenant(), identifier);
        String via = CodeAddress.of(who.get(), identifier).map(a -> a.channel().wire()).orElse(null);
        return new Authenticated(who.get(), flow.ui().withoutMessages(), METHOD, METHOD, via);
    }

    private void countFailure(TenantId tenant, String identifier) {
        try {
            // in the submission's transaction, with the flow's own count of tries: both stand or fall together
            throttle.failed(tenant, identifier, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not count a failed code sign-in (counting is best effort): {0}", e.getClass().getSimpleName());
        }
    }

    /**
     * A sign-in link opened in the browser that started the flow (the caller checked that): proven, or the
     * flow with the "invalid link" message. A refused link does not count as a wrong code.
     */
    @Override
    public Optional<Completion<Result>> openLink(Flow flow, String token) {
        return Optional.of(() -> link(flow, token));
    }

    private Result link(Flow flow, String token) {
        OneTimeCodes.Checked checked = codes.checkLink(flow.tenant(), flow.id(), token);
        Optional<Identity> who = proven(flow, checked);
        if (who.isEmpty()) {
            failed(flow, checked, LINK_METHOD, null);
            return answer(flow, flow.ui().withoutMessages().withMessage(Texts.codeLinkInvalid()), false);
        }
        return new Authenticated(who.get(), flow.ui().withoutMessages(), METHOD, LINK_METHOD, Channel.EMAIL.wire());
    }

    private Optional<Identity> proven(Flow flow, OneTimeCodes.Checked checked) {
        return checked.verdict() == CodeRules.Verdict.ACCEPTED
                ? identities.find(flow.tenant(), checked.code().identity().toString()).filter(Identity::isActive)
                : Optional.empty();
    }

    private void failed(Flow flow, OneTimeCodes.Checked checked, String method, String reason) {
        String subject = checked.code() == null || checked.code().identity() == null ? null : checked.code().identity().toString();
        String why = reason != null ? reason : checked.verdict() == CodeRules.Verdict.EXHAUSTED ? "too many attempts" : "invalid code";
        events.fire(SecurityEvent.of(SecurityEventType.LOGIN_FAILED, Outcome.FAILURE).tenant(flow.tenant().value())
                .subject(subject).detail("method", method).detail("reason", why));
        credentials.failed(flow.tenant().value(), subject, method, why);
    }

    /** The form once a code was sent: the identifier (kept, hidden), the code, submit, and resend. */
    private static Ui codeForm(Flow flow, String identifier, UiText message) {
        return codeForm(flow, "identifier", identifier, message);
    }

    /** The form once a code was sent: what it went to (kept in the hidden {@code field}), the code, submit, and resend. */
    static Ui codeForm(Flow flow, String field, String sentTo, UiText message) {
        List<UiNode> nodes = new java.util.ArrayList<>();
        flow.ui().valueOf("csrf_token").ifPresent(secret ->
                nodes.add(UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(secret), true, null, null)));
        nodes.add(UiNode.input("code", field, "hidden", JsonP.createValue(sentTo), true, null, null));
        nodes.add(UiNode.input("code", "code", "text", JsonP.createValue(""), true, "one-time-code", Texts.verifyCode()));
        nodes.add(UiNode.input("code", "method", "submit", JsonP.createValue("code"), false, null, Texts.submit()));
        nodes.add(UiNode.input("code", "resend", "submit", JsonP.createValue("code"), false, null, Texts.resendCode()));
        return new Ui(flow.ui().action(), "POST", nodes, List.of()).withMessage(message);
    }

    private static Answered answer(Flow flow, Ui ui, boolean accepted) {
        return new Answered(flow.showing(ui), accepted);
    }
}
