package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.identity.schema.Address;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.platform.db.Transactions;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.registration.FormMessages;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCode;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.selfservice.code.SendLimits;
import dev.gatehouse.selfservice.registration.Registrar;
import dev.gatehouse.selfservice.registration.RegistrationMethod;
import dev.gatehouse.kernel.json.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code code} method of the registration flow: nothing is created until the address is proven.
 * <pre>
 *   choose_method ──traits──▶ sent_email ──right code, same traits──▶ passed_challenge (the identity is created)
 *                               │  ▲ traits again (new code, rate-limited), wrong code, other traits (4000036)
 *                               └──┘ (max attempts: spent)
 * </pre>
 * The traits are kept with the code, so the second step must repeat them unchanged. The identity has no
 * password; its address, proven by the code, is stored verified. The code is checked (and a new one issued and
 * mailed, to the courier's outbox) in one transaction; the identity it proves is created in its own after it.
 */
@ApplicationScoped
public class CodeRegistration implements RegistrationMethod {

    private OneTimeCodes codes;
    private CodeMessages messages;
    private IdentityService identities;
    private Registrar registrar;
    private SelfServiceConfig config;
    private Transactions transactions;
    private SendLimits limits;

    protected CodeRegistration() {
        // for the container's proxy
    }

    @Inject
    public CodeRegistration(OneTimeCodes codes, CodeMessages messages, IdentityService identities, Registrar registrar,
                            SelfServiceConfig config, Transactions transactions, SendLimits limits) {
        this.limits = limits;
        this.codes = codes;
        this.messages = messages;
        this.identities = identities;
        this.registrar = registrar;
        this.config = config;
        this.transactions = transactions;
    }

    @Override
    public String id() {
        return CodeLogin.METHOD;
    }

    @Override
    public int order() {
        return CodeMethods.ORDER;
    }

    @Override
    public List<UiNode> nodes() {
        return List.of(UiNode.input("code", "method", "submit", JsonP.createValue(CodeLogin.METHOD), false, null, Texts.sendSignUpCode()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        // the code's own transaction: a wrong code's try must stand even if the identity cannot be created after
        Step step = transactions.call(() -> handle(flow, submission, ui, schema));
        if (step instanceof Proven p) {
            // stored verified, with no password, in the identity's own transaction (a taken address rolls only it back)
            return Completion.of(registrar.create(flow, ui, new IdentityDraft(Optional.of(schema.id()), p.traits(), Optional.empty(),
                    JsonValue.NULL, JsonValue.NULL, Optional.empty(), List.of(new IdentityDraft.ImportedAddress(
                    CodeAddress.channelOf(p.address()).wire(), p.address(), true, VerifiableAddress.Status.COMPLETED))),
                    CodeLogin.METHOD));
        }
        return Completion.of(((Answer) step).result());
    }

    /** Where a submission stands after the code's transaction: the address proven for these traits, or the answer. */
    private sealed interface Step permits Proven, Answer {
    }

    private record Proven(JsonObject traits, String address) implements Step {
    }

    private record Answer(Result result) implements Step {
    }

    private Step handle(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        if (codes.isExhausted(flow.tenant(), flow.id())) {
            throw new FlowError(FlowError.Kind.SPENT);
        }
        JsonObject traits = identities.normaliseTraits(schema, submission.traits());
        Optional<String> code = submission.field("code");
        if (flow.state() == FlowState.SENT_EMAIL && code.isPresent()) {
            return check(flow, ui, traits, code.get().trim());
        }
        List<TraitError> errors = schema.validate(traits);
        if (!errors.isEmpty()) {
            return answer(flow, FormMessages.traitErrors(ui, errors), false);
        }
        List<Address> addresses = schema.codeAddresses(traits);
        if (addresses.isEmpty()) {
            return answer(flow, ui.withMessage(Texts.generic("No trait of this schema can receive a sign-up code.")), false);
        }
        String address = addresses.get(0).value();
        Channel channel = CodeAddress.channelOfVia(addresses.get(0).via());
        if (addresses.stream().anyMatch(a -> identities.findByCodeIdentifier(flow.tenant(), a.value()).isPresent())) {
            return answer(flow, ui.withMessage(Texts.duplicateCredentials()), false);
        }
        if (limits.exhausted(flow.tenant(), channel, address)) {
            return answer(flow, ui.withMessage(Texts.tooManyCodes()), false);
        }
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.REGISTRATION, address, null,
                config.codeLifespan(), new OneTimeCodes.Extras(false, traits.toString()));
        if (issued.isEmpty()) {
            return answer(flow, ui.withMessage(Texts.codeResentTooSoon(config.codeResendInterval().toSeconds())), false);
        }
        limits.counted(flow.tenant(), channel, address);
        messages.send(flow.tenant(), channel, MessageTemplate.REGISTRATION_CODE_VALID, address, null,
                Map.of("code", issued.get().code(), "to", address));
        return new Answer(new Answered(flow.sentEmail(codeForm(ui, Texts.registrationCodeSent())), true));
    }

    private Step check(Flow flow, Ui ui, JsonObject traits, String presented) {
        Optional<OneTimeCode> current = codes.current(flow.tenant(), flow.id(), CodePurpose.REGISTRATION);
        if (current.isPresent() && !traits.equals(parse(current.get().traits()))) {
            return answer(flow, codeForm(ui, Texts.traitsMismatch()), false);
        }
        OneTimeCodes.Checked checked = codes.check(flow.tenant(), flow.id(), CodePurpose.REGISTRATION, presented);
        if (checked.verdict() != CodeRules.Verdict.ACCEPTED) {
            return answer(flow, codeForm(ui, Texts.registrationCodeInvalid()), false);
        }
        return new Proven(parse(checked.code().traits()), checked.code().address());
    }

    private static JsonObject parse(String json) {
        return json == null ? null : JsonBodies.readObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The form once a code was sent: the traits (as given), the code, submit, and resend; no password. */
    private static Ui codeForm(Ui ui, UiText message) {
        List<UiNode> nodes = new ArrayList<>(ui.nodes().stream()
                .filter(n -> !n.group().equals("password") && !n.group().equals("code")).toList());
        nodes.add(UiNode.input("code", "code", "text", JsonP.createValue(""), true, "one-time-code", Texts.verifyCode()));
        nodes.add(UiNode.input("code", "method", "submit", JsonP.createValue("code"), false, null, Texts.submit()));
        nodes.add(UiNode.input("code", "resend", "submit", JsonP.createValue("code"), false, null, Texts.resendCode()));
        return new Ui(ui.action(), "POST", nodes, List.of()).withMessage(message);
    }

    private static Answer answer(Flow flow, Ui ui, boolean accepted) {
        return new Answer(new Answered(flow.showing(ui), accepted));
    }
}
