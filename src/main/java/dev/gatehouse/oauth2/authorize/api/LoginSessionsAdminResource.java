package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.authorize.BackChannelLogout;
import dev.gatehouse.oauth2.authorize.LoginSessionRevocation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * Hydra's {@code DELETE /admin/oauth2/auth/sessions/login?subject=} (or {@code ?sid=}): ends the login sessions, so
 * the next authorization request asks the user to sign in again, and sends back-channel logout tokens.
 */
@Path("admin/oauth2/auth/sessions/login")
@RequestScoped
public class LoginSessionsAdminResource {

    @Inject
    LoginSessionRevocation revocation;
    @Inject
    BackChannelLogout backchannel;
    @Inject
    Issuer issuer;
    @Context
    HttpServletRequest request;

    @DELETE
    public Response revoke(@QueryParam("subject") String subject, @QueryParam("sid") String sid) {
        boolean bySubject = subject != null && !subject.isEmpty();
        boolean bySid = sid != null && !sid.isEmpty();
        if (bySubject == bySid) {
            throw ApiException.invalid("subject", "give exactly one of subject and sid");
        }
        String actor = RequestActor.of(request);
        List<LoginSessionRevocation.Ended> ended = bySubject ? revocation.bySubject(subject, actor) : revocation.bySid(sid, actor);
        ended.forEach(e -> backchannel.send(issuer.of(request), Optional.of(e.session().subject()),
                Optional.of(e.session().id().toString()), e.backchannel()));
        return Response.noContent().build();
    }
}
