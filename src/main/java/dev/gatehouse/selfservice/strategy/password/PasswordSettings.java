package dev.gatehouse.selfservice.strategy.password;

import dev.gatehouse.credential.password.PasswordPolicy;
import dev.gatehouse.credential.password.PolicyViolation;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.LoginStyle;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The {@code password} method of the settings flow: a new password, checked by the password policy, for the
 * holder of a recent sign-in. The new password is hashed before the identity's transaction (see
 * {@link IdentityService#replace}), so outside the submission's. A {@linkplain LoginStyle#passwordFree() password-free}
 * tenant's settings neither show the form nor accept a password. The first password of an identity that signed up
 * without one (a passkey, a code) is an enrolment ({@code credential_enrolled}); a changed one is a settings change.
 */
@ApplicationScoped
public class PasswordSettings implements SettingsMethod {

    private IdentityService identities;
    private PasswordPolicy policy;
    private SessionService sessions;
    private LoginStyle style;
    private CredentialEvents credentials;

    protected PasswordSettings() {
        // for the container's proxy
    }

    @Inject
    public PasswordSettings(IdentityService identities, PasswordPolicy policy, SessionService sessions, LoginStyle style,
                            SecurityEvents events) {
        this.identities = identities;
        this.policy = policy;
        this.sessions = sessions;
        this.style = style;
        this.credentials = new CredentialEvents(events);
    }

    @Override
    public boolean asksForPassword() {
        return true;
    }

    @Override
    public String id() {
        return PasswordLogin.METHOD;
    }

    /** After the profile. */
    @Override
    public int order() {
        return PasswordMethods.ORDER + 100;
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        if (style.passwordFree()) {
            return List.of();
        }
        return List.of(UiNode.input("password", "password", "password", null, true, "new-password", Texts.passwordLabel()),
                UiNode.input("password", "method", "submit", JsonP.createValue(PasswordLogin.METHOD), false, null, Texts.save()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        if (style.passwordFree()) {
            return Completion.of(new Refused(ui.withMessage(Texts.generic("The settings method password is not available."))));
        }
        SettingsMethod.requirePrivileged(sessions, holder.session());
        Identity identity = holder.identity();
        Optional<String> password = submission.field("password");
        if (password.isEmpty()) {
            return Completion.of(new Refused(ui.mapNode("password", n -> n.withMessage(Texts.required("password")))));
        }
        List<PolicyViolation> violations = policy.check(password.get(), schema.identifiers(CredentialKind.PASSWORD, identity.traits()));
        if (!violations.isEmpty()) {
            return Completion.of(new Refused(PasswordMessages.policyViolations(ui, violations)));
        }
        identities.replace(identity.tenant(), identity.id().toString(), SettingsMethod.draft(identity, identity.traits(),
                Optional.of(new IdentityDraft.PlainPassword(password.get()))), identity.id().toString());
        if (identity.credential(CredentialType.PASSWORD).isEmpty()) {
            credentials.enrolled(identity.tenant().value(), identity.id().toString(), identity.id().toString(), PasswordLogin.METHOD);
        }
        return Completion.of(new Saved(ui));
    }
}
