package dev.gatehouse.selfservice.code;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The steps verification and recovery (and partly login and registration) share with the {@code code} and
 * {@code link} methods: the forms (ask for the address; ask for the code, or resend it), finding who owns an
 * address, the link that is mailed, and the common checks. The flows it returns are not stored: the flow's
 * handler stores them in the submission's transaction.
 */
@ApplicationScoped
public class CodeFlows {

    private static final int MAX_EMAIL_LENGTH = 320;

    private FlowService flows;
    private IdentityService identities;
    private SelfServiceConfig config;
    private Clock clock;

    protected CodeFlows() {
        // for the container's proxy
    }

    @Inject
    public CodeFlows(FlowService flows, IdentityService identities, SelfServiceConfig config, Clock clock) {
        this.flows = flows;
        this.identities = identities;
        this.config = config;
        this.clock = clock;
    }

    /** A new flow asking for the address, showing {@code form} (given the form's action: the method's address form). */
    public Flow create(TenantId tenant, FlowKind kind, Flavor flavor, String returnTo, String requestUrl, String actionBase,
                       String csrfHash, Function<String, Ui> form) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Flow flow = new Flow(id, tenant, kind, flavor, FlowState.CHOOSE_METHOD, requestUrl, returnTo, csrfHash, null, null, false,
                form.apply(actionBase + "/self-service/" + kind.path() + "?flow=" + id), now, now.plus(config.flowLifespan()));
        flows.save(flow);
        return flow;
    }

    /** The address form of {@code method}; once a link was sent, the same form sends another. */
    public static Ui emailForm(String action, String csrfSecret, AddressProof method, String email) {
        List<UiNode> nodes = csrf(csrfSecret);
        nodes.add(UiNode.input(method.wire(), "email", "email", JsonP.createValue(email), true, "email", Texts.emailLabel()));
        nodes.add(UiNode.input(method.wire(), "method", "submit", JsonP.createValue(method.wire()), false, null, Texts.submit()));
        return new Ui(action, "POST", nodes, List.of());
    }

    /** The link the {@code link} method mails: Kratos' {@code /self-service/{flow}?flow=<id>&token=<token>}. */
    public static String link(Flow flow, String token) {
        return flow.actionBase() + "/self-service/" + flow.kind().path() + "?flow=" + flow.id() + "&token=" + token;
    }

    /** The form of a flow whose code was sent to {@code email}: the code, or send another. */
    public static Ui codeForm(Flow flow, String email) {
        List<UiNode> nodes = csrf(flow.ui().valueOf("csrf_token").orElse(null));
        nodes.add(UiNode.input("code", "code", "text", JsonP.createValue(""), true, "one-time-code", Texts.verifyCode()));
        nodes.add(UiNode.input("code", "method", "submit", JsonP.createValue("code"), false, null, Texts.submit()));
        if (email != null) {
            nodes.add(UiNode.input("code", "email", "submit", JsonP.createValue(email), false, null, Texts.resendCode()));
        }
        return new Ui(flow.ui().action(), "POST", nodes, List.of());
    }

    private static List<UiNode> csrf(String secret) {
        List<UiNode> nodes = new ArrayList<>();
        if (secret != null) {
            nodes.add(UiNode.input("default", "csrf_token", "hidden", JsonP.createValue(secret), true, null, null));
        }
        return nodes;
    }

    /** The flow now waiting for the code or link just sent, showing {@code form} with the "sent" message. */
    public static Flow sent(Flow flow, Ui form, UiText message) {
        return flow.sentEmail(form.withMessage(message));
    }

    /** The flow unchanged in state, with one message on its form. */
    public static Flow withMessage(Flow flow, UiText message) {
        return flow.showing(flow.ui().withoutMessages().withMessage(message));
    }

    /** The flow after a refused code: the code form again (resend to the same address), with the message. */
    public static Flow refusedCode(Flow flow, UiText message) {
        return flow.showing(codeForm(flow, flow.ui().valueOf("email").orElse(null)).withMessage(message));
    }

    /** The flow done, with {@code message}. */
    public static Flow passed(Flow flow, UiText message) {
        return flow.passedChallenge(flow.ui().withoutMessages().withMessage(message));
    }

    /**
     * The active identity that has the address among its verifiable or recovery addresses (as {@code purpose}
     * says), whether or not the address is also what it signs in with.
     */
    public Optional<Identity> ownerOf(TenantId tenant, String email, AddressPurpose purpose) {
        return identities.findByEmailAddress(tenant, purpose, email).filter(Identity::isActive);
    }

    /** The e-mail address a submission gives, if it is one. */
    public static Optional<String> email(Submission submission) {
        return submission.field("email").map(CodeFlows::normalise).filter(e -> e.length() <= MAX_EMAIL_LENGTH && e.contains("@"));
    }

    /**
     * The method a submission of a verification or recovery flow names: its {@code method} field, else the
     * method the flow's form offers.
     */
    public static Optional<String> namedMethod(Flow flow, Submission submission) {
        return submission.field("method").or(() -> flow.ui().valueOf("method"));
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public long resendSeconds() {
        return config.codeResendInterval().toSeconds();
    }
}
