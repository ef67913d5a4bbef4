package dev.gatehouse.selfservice.logout;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.ReturnTo;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;

/**
 * Kratos' logout: for browsers a logout URL carrying a token bound to the current session (so another
 * site cannot log the user out), for API clients {@code DELETE /self-service/logout/api} with the token.
 */
@Path("self-service/logout")
@RequestScoped
public class LogoutResource {

    private SessionService sessions;
    private SessionCookies cookies;
    private SelfServiceConfig config;
    private SecurityEvents events;
    private CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    protected LogoutResource() {
        // for the container's proxy
    }

    @Inject
    public LogoutResource(SessionService sessions, SessionCookies cookies, SelfServiceConfig config, SecurityEvents events,
                          CurrentTenant tenant) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.config = config;
        this.events = events;
        this.tenant = tenant;
    }

    @GET
    @Path("browser")
    public Response browser(@QueryParam("return_to") String returnTo) {
        String checked = ReturnTo.check(returnTo, config.allowedReturnUrls(), PublicUrls.base(request));
        SessionService.Authenticated current = cookies.cookie(request).flatMap(t -> sessions.authenticate(tenant.id(), t))
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        String token = sessions.logoutToken(current.session());
        String url = PublicUrls.of(request, "/self-service/logout?token=" + token)
                + (checked == null ? "" : "&return_to=" + java.net.URLEncoder.encode(checked, java.nio.charset.StandardCharsets.UTF_8));
        return Response.ok(JsonP.createObjectBuilder().add("logout_token", token).add("logout_url", url).build().toString(),
                MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    @GET
    public Response logout(@QueryParam("token") String token, @QueryParam("return_to") String returnTo) {
        String checked = ReturnTo.check(returnTo, config.allowedReturnUrls(), PublicUrls.base(request));
        SessionService.Authenticated current = cookies.cookie(request).flatMap(t -> sessions.authenticate(tenant.id(), t))
                .orElseThrow(() -> new FlowError(FlowError.Kind.NO_SESSION));
        if (!sessions.isLogoutToken(current.session(), token)) {
            throw new FlowError(FlowError.Kind.CSRF);
        }
        sessions.revoke(tenant.id(), current.session().id(), current.identity().id().toString(), "logout");
        events.fire(SecurityEvent.of(SecurityEventType.LOGOUT, Outcome.SUCCESS).tenant(tenant.id().value())
                .actor(current.identity().id().toString()).subject(current.identity().id().toString()).detail("flow", "browser"));
        String target = checked != null ? checked : config.defaultReturnUrl();
        return Response.seeOther(URI.create(target.startsWith("/") ? PublicUrls.of(request, target) : target))
                .cookie(cookies.clear(request)).build();
    }

    @DELETE
    @Path("api")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response api(InputStream body) {
        String token = JsonFields.requiredString(JsonBodies.readObject(body), "session_token");
        var current = sessions.authenticate(tenant.id(), token);
        if (current.isEmpty() || !sessions.revokeByToken(tenant.id(), token)) {
            throw new FlowError(FlowError.Kind.NO_SESSION_TOKEN);
        }
        events.fire(SecurityEvent.of(SecurityEventType.LOGOUT, Outcome.SUCCESS).tenant(tenant.id().value())
                .actor(current.get().identity().id().toString()).subject(current.get().identity().id().toString())
                .detail("flow", "api"));
        return Response.noContent().build();
    }
}
