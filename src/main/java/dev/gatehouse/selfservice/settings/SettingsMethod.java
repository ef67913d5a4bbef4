package dev.gatehouse.selfservice.settings;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * Something the settings flow changes (Kratos' settings strategy: {@code profile}, {@code password}). A bean
 * implementing it has its part of every settings form and receives the submissions that name it.
 */
public interface SettingsMethod extends FlowMethod {

    /** How a submission to a method ended. */
    sealed interface Result permits Saved, Refused, Shown {
    }

    /** The change was stored; {@code ui} is the form to show (the handler adds "saved"). */
    record Saved(Ui ui) implements Result {
    }

    /** The change was refused; {@code ui} carries why. */
    record Refused(Ui ui) implements Result {
    }

    /**
     * Nothing was changed, but the form shows something new that asks for a next step (Kratos' "return to UI":
     * recovery codes to confirm, how many are left); the flow keeps its state and is answered as accepted.
     */
    record Shown(Ui ui) implements Result {
    }

    /**
     * Whether a submission that names no method is this method's, by a field only it has (Kratos: a
     * {@code totp_unlink} or {@code lookup_secret_*} button sets the method itself).
     */
    default boolean claims(Submission submission) {
        return false;
    }

    /** This method's part of the settings form of {@code identity}, after the CSRF token. */
    List<UiNode> nodes(Identity identity, IdentitySchema schema);

    /**
     * Handles a submission naming this method by the holder of the flow's session, outside any transaction: slow
     * work (a password's hash) is done here, the rest in the completion, which runs in the submission's
     * transaction. {@code ui} is a fresh settings form; a change that needs a recent sign-in throws
     * {@link FlowError.Kind#REFRESH_REQUIRED} without one.
     */
    Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema, SessionService.Authenticated holder);

    /** Throws {@link FlowError.Kind#REFRESH_REQUIRED} unless the session signed in recently enough to change credentials. */
    static void requirePrivileged(SessionService sessions, Session session) {
        if (!sessions.isPrivileged(session)) {
            throw new FlowError(FlowError.Kind.REFRESH_REQUIRED);
        }
    }

    /** The identity as it is, but for {@code traits} and a new password if any: what a settings method stores. */
    static IdentityDraft draft(Identity identity, JsonObject traits, Optional<IdentityDraft.PasswordInput> password) {
        return new IdentityDraft(Optional.of(identity.schemaId()), traits, Optional.of(identity.state()),
                identity.metadataPublic(), identity.metadataAdmin(), password, List.of());
    }
}
