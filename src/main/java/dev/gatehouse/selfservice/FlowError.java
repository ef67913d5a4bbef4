package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.JsonP;
import jakarta.ws.rs.core.Response;

/**
 * A flow that cannot be used, answered in Kratos' error shape ({@code {"error": {id, code, status, reason,
 * message}}}), which Ory's SDKs and UIs key on. Expired flows point to their replacement.
 */
public class FlowError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kratos' error ids for self-service flows. */
    public enum Kind {
        NOT_FOUND("self_service_flow_not_found", 404, "The requested flow does not exist or has expired."),
        EXPIRED("self_service_flow_expired", 410, "The self-service flow expired. Please retry the flow."),
        CSRF("security_csrf_violation", 403,
                "A security violation was detected, please fill out the form again."),
        SPENT("self_service_flow_replaced", 410, "The flow was already completed. Please start a new one."),
        FLAVOR("self_service_flow_type_mismatch", 400, "This flow was started for another kind of client."),
        LINK_FOR_API("self_service_flow_type_mismatch", 403,
                "Sign-in links work only for flows started in a browser; enter the code in the app instead."),
        AAL1_REQUIRED("session_aal1_required", 401,
                "You can not requested a higher AAL (AAL2/AAL3) without an active session."),
        SESSION_AVAILABLE("session_already_available", 400, "A valid session was detected and thus login is not possible."),
        NO_SESSION("session_inactive", 401, "No active session was found in this request."),
        NO_SESSION_TOKEN("session_inactive", 403, "The provided session token is not valid or has been revoked."),
        STATE("self_service_flow_state_invalid", 409,
                "The flow is not in a state that allows this step. Please start a new one."),
        REFRESH_REQUIRED("session_refresh_required", 403,
                "The login session is too old and thus not allowed to update these fields. Please re-authenticate.");

        final String id;
        final int status;
        final String message;

        Kind(String id, int status, String message) {
            this.id = id;
            this.status = status;
            this.message = message;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final transient Flow replacement;

    public FlowError(Kind kind) {
        this(kind, (Flow) null);
    }

    public FlowError(Kind kind, Flow replacement) {
        super(kind.id, null, false, false);
        this.kind = kind;
        this.replacement = replacement;
    }

    /** An error whose message says more than its id, for the log (the answer is the same). */
    protected FlowError(Kind kind, String detail) {
        super(kind.id + ": " + detail, null, false, true);
        this.kind = kind;
        this.replacement = null;
    }

    public Kind kind() {
        return kind;
    }

    public Flow replacement() {
        return replacement;
    }

    public Response toResponse() {
        var error = JsonP.createObjectBuilder()
                .add("id", kind.id).add("code", kind.status)
                .add("status", Response.Status.fromStatusCode(kind.status) == null ? "Error"
                        : Response.Status.fromStatusCode(kind.status).getReasonPhrase())
                .add("reason", kind.message).add("message", kind.message);
        var body = JsonP.createObjectBuilder().add("error", error);
        if (replacement != null) {
            body.add("use_flow_id", replacement.id().toString());
        }
        return Response.status(kind.status).type("application/json").header("Cache-Control", "no-store")
                .entity(body.build().toString()).build();
    }
}
