package dev.gatehouse.session;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * A valid session below the level asked for, answered as Kratos' {@code session_aal2_required} (403): the error
 * and, beside it, {@code redirect_browser_to}, the login flow that raises the session to {@code aal2}.
 */
public class AalNotSatisfied extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String ID = "session_aal2_required";
    private static final String MESSAGE = "Session does not fulfill the requested Authenticator Assurance Level";
    private static final String REASON = "An active session was found but it does not fulfill the requested Authenticator "
            + "Assurance Level. Please verify yourself with a second factor to resolve this issue.";

    private final String redirectBrowserTo;

    public AalNotSatisfied(String redirectBrowserTo) {
        super(ID, null, false, false);
        this.redirectBrowserTo = redirectBrowserTo;
    }

    /**
     * The aal2 login under {@code publicBase} (the configured public URL, never the request's Host), coming back
     * to {@code returnTo} if given.
     */
    public static AalNotSatisfied raiseAt(String publicBase, String returnTo) {
        String url = publicBase + "/self-service/login/browser?aal=aal2";
        if (returnTo != null) {
            url += "&return_to=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new AalNotSatisfied(url);
    }

    public String redirectBrowserTo() {
        return redirectBrowserTo;
    }

    /** The answer's body: {@code {"error": {...}, "redirect_browser_to": "..."}}. */
    public JsonObject body() {
        var error = JsonP.createObjectBuilder().add("id", ID).add("code", 403).add("status", "Forbidden")
                .add("reason", REASON).add("message", MESSAGE)
                .add("details", JsonP.createObjectBuilder().add("redirect_browser_to", redirectBrowserTo));
        return JsonP.createObjectBuilder().add("error", error).add("redirect_browser_to", redirectBrowserTo).build();
    }

    public Response toResponse() {
        return Response.status(403).type("application/json").header("Cache-Control", "no-store")
                .entity(body().toString()).build();
    }
}
