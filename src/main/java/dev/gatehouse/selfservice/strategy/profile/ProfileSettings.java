package dev.gatehouse.selfservice.strategy.profile;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.registration.FormMessages;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.registration.TraitNodes;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.selfservice.verification.VerificationHandler;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code profile} method of the settings flow: the traits, checked by the identity's schema. Changing a
 * login identifier needs a recent sign-in. A verifiable address the change adds starts unverified and is sent a
 * verification message, in the submission's transaction (the identity itself is stored in its own, before).
 */
@ApplicationScoped
public class ProfileSettings implements SettingsMethod {

    static final String METHOD = "profile";

    private IdentityService identities;
    private SessionService sessions;
    private VerificationHandler verification;

    protected ProfileSettings() {
        // for the container's proxy
    }

    @Inject
    public ProfileSettings(IdentityService identities, SessionService sessions, VerificationHandler verification) {
        this.identities = identities;
        this.sessions = sessions;
        this.verification = verification;
    }

    @Override
    public String id() {
        return METHOD;
    }

    /** First on the settings form. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        List<UiNode> nodes = new ArrayList<>(TraitNodes.of(schema.document(), identity.traits(), METHOD));
        nodes.add(UiNode.input(METHOD, "method", "submit", JsonP.createValue(METHOD), false, null, Texts.save()));
        return nodes;
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        Identity identity = holder.identity();
        JsonObject traits = identities.normaliseTraits(schema, submission.traits());
        Ui refilled = FormMessages.refill(ui, submission.traits());
        List<TraitError> errors = schema.validate(traits);
        if (!errors.isEmpty()) {
            return Completion.of(new Refused(FormMessages.traitErrors(refilled, errors)));
        }
        if (!schema.identifiers(CredentialKind.PASSWORD, traits).equals(schema.identifiers(CredentialKind.PASSWORD, identity.traits()))) {
            SettingsMethod.requirePrivileged(sessions, holder.session());
        }
        Identity updated;
        try {
            // its own transaction: a taken identifier rolls it back, and the refusal is still stored
            updated = identities.replace(identity.tenant(), identity.id().toString(),
                    SettingsMethod.draft(identity, traits, Optional.empty()), identity.id().toString());
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                return Completion.of(new Refused(refilled.withMessage(Texts.duplicateCredentials())));
            }
            throw e;
        }
        return () -> {
            verifyNewAddresses(flow, identity, updated);
            return new Saved(refilled);
        };
    }

    /** A verifiable address the change added starts unverified and gets a verification message, as at sign-up. */
    private void verifyNewAddresses(Flow flow, Identity before, Identity after) {
        List<String> added = after.verifiableAddresses().stream().map(VerifiableAddress::value)
                .filter(v -> before.verifiableAddresses().stream().noneMatch(a -> a.value().equalsIgnoreCase(v))).toList();
        if (!added.isEmpty()) {
            verification.startFor(after, added, flow.flavor(), flow.returnTo(), flow.actionBase(),
                    flow.ui().valueOf("csrf_token").orElse(null), flow.csrfHash());
        }
    }
}
