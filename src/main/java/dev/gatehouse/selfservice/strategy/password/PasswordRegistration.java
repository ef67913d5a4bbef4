package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.credential.password.PasswordPolicy;
import dev.gatehouse.credential.password.PolicyViolation;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.registration.FormMessages;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.registration.Registrar;
import dev.gatehouse.selfservice.registration.RegistrationMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * The {@code password} method of the registration flow: the traits checked by the identity schema, the password
 * by the password policy; then the identity is created (its password hashed before its transaction, so outside
 * the submission's) and the handler signs it in.
 */
@ApplicationScoped
public class PasswordRegistration implements RegistrationMethod {

    private PasswordPolicy policy;
    private Registrar registrar;

    protected PasswordRegistration() {
        // for the container's proxy
    }

    @Inject
    public PasswordRegistration(PasswordPolicy policy, Registrar registrar) {
        this.policy = policy;
        this.registrar = registrar;
    }

    @Override
    public String id() {
        return PasswordLogin.METHOD;
    }

    @Override
    public int order() {
        return PasswordMethods.ORDER;
    }

    @Override
    public boolean asksForPassword() {
        return true;
    }

    @Override
    public List<UiNode> nodes() {
        return List.of(UiNode.input("password", "password", "password", null, true, "new-password", Texts.passwordLabel()),
                UiNode.input("password", "method", "submit", JsonP.createValue(PasswordLogin.METHOD), false, null, Texts.signUp()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema) {
        JsonObject traits = submission.traits();
        List<TraitError> traitErrors = schema.validate(traits);
        boolean bad = !traitErrors.isEmpty();
        Ui checked = FormMessages.traitErrors(ui, traitErrors);
        Optional<String> password = submission.field("password");
        if (password.isEmpty()) {
            checked = checked.mapNode("password", n -> n.withMessage(Texts.required("password")));
            bad = true;
        } else {
            List<PolicyViolation> violations = policy.check(password.get(), schema.identifiers(CredentialKind.PASSWORD, traits));
            checked = PasswordMessages.policyViolations(checked, violations);
            bad |= !violations.isEmpty();
        }
        if (bad) {
            return Completion.of(new Answered(flow.showing(checked), false));
        }
        Result created = registrar.create(flow, checked, new IdentityDraft(Optional.of(schema.id()), traits, Optional.empty(),
                JsonValue.NULL, JsonValue.NULL, Optional.of(new IdentityDraft.PlainPassword(password.get())), List.of()),
                PasswordLogin.METHOD);
        return Completion.of(created);
    }
}
