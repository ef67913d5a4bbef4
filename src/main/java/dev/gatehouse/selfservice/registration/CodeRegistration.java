package dev.gatehouse.selfservice.registration;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.FormMessages;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.code.CodeFlows;
import dev.gatehouse.selfservice.code.CodeMessages;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.CodeRules;
import dev.gatehouse.selfservice.code.OneTimeCode;
import dev.gatehouse.selfservice.code.OneTimeCodes;
import dev.gatehouse.kernel.json.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code code} method of the registration flow: nothing is created until the address is proven.
 * <pre>
 *   choose_method ──traits──▶ sent_email ──right code, same traits──▶ (proven: the handler creates the identity)
 *                               │  ▲ traits again (new code, rate-limited), wrong code, other traits (4000036)
 *                               └──┘ (max attempts: spent)
 * </pre>
 * The traits are kept with the code, so the second step must repeat them unchanged.
 */
@ApplicationScoped
public class CodeRegistration {

    @Inject
    OneTimeCodes codes;
    @Inject
    CodeMessages messages;
    @Inject
    IdentityService identities;
    @Inject
    CodeFlows steps;
    @Inject
    SelfServiceConfig config;

    /** Where a submission stands: the address proven for these traits, or the flow to answer with. */
    public sealed interface Step permits Proven, Answered {
    }

    public record Proven(JsonObject traits, String address) implements Step {
    }

    public record Answered(Flow flow, boolean accepted) implements Step {
    }

    static UiNode button() {
        return UiNode.input("code", "method", "submit", Json.createValue("code"), false, null, Texts.sendSignUpCode());
    }

    /** {@code ui} is the flow's form refilled with the submitted traits. */
    @Transactional
    public Step submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        if (codes.isExhausted(flow.tenant(), flow.id())) {
            throw new FlowError(FlowError.Kind.SPENT);
        }
        JsonObject traits = submission.traits();
        Optional<String> code = submission.field("code");
        if (flow.phase() == FlowState.SENT_EMAIL && code.isPresent()) {
            return check(flow, ui, traits, code.get().trim());
        }
        List<TraitError> errors = schema.validate(traits);
        if (!errors.isEmpty()) {
            return answer(flow, FormMessages.traitErrors(ui, errors), false);
        }
        List<String> addresses = schema.identifiers(CredentialKind.CODE, traits);
        if (addresses.isEmpty()) {
            return answer(flow, ui.withMessage(Texts.generic("No trait of this schema can receive a sign-up code.")), false);
        }
        String address = addresses.get(0);
        if (identities.findByCodeIdentifier(flow.tenant(), address).isPresent()) {
            return answer(flow, ui.withMessage(Texts.duplicateCredentials()), false);
        }
        Optional<OneTimeCodes.Issued> issued = codes.issue(flow.tenant(), flow.id(), CodePurpose.REGISTRATION, address, null,
                config.codeLifespan(), new OneTimeCodes.Extras(false, traits.toString()));
        if (issued.isEmpty()) {
            return answer(flow, ui.withMessage(Texts.codeResentTooSoon(config.codeResendInterval().toSeconds())), false);
        }
        messages.send(flow.tenant(), MessageTemplate.REGISTRATION_CODE_VALID, address, null,
                Map.of("code", issued.get().code(), "to", address));
        return new Answered(steps.sentWith(flow, codeForm(ui, Texts.registrationCodeSent())), true);
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
        nodes.add(UiNode.input("code", "code", "text", Json.createValue(""), true, "one-time-code", Texts.verifyCode()));
        nodes.add(UiNode.input("code", "method", "submit", Json.createValue("code"), false, null, Texts.submit()));
        nodes.add(UiNode.input("code", "resend", "submit", Json.createValue("code"), false, null, Texts.resendCode()));
        return new Ui(ui.action(), "POST", nodes, List.of()).withMessage(message);
    }

    private Answered answer(Flow flow, Ui ui, boolean accepted) {
        return new Answered(steps.show(flow, ui), accepted);
    }
}
