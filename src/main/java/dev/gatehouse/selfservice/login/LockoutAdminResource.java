package dev.gatehouse.selfservice.login;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * {@code /admin/lockouts}: sign-in failure counts and locks (per identifier and per client address), and those of
 * client authentication at the token server (per client id and address) — list them, or clear one so a locked-out
 * user or client can sign in again.
 */
@Path("admin/lockouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LockoutAdminResource {

    private LoginThrottle throttle;
    private CurrentTenant tenant;
    private SecurityEvents events;
    @Context
    HttpServletRequest request;

    protected LockoutAdminResource() {
        // for the container's proxy
    }

    @Inject
    public LockoutAdminResource(LoginThrottle throttle, CurrentTenant tenant, SecurityEvents events) {
        this.throttle = throttle;
        this.tenant = tenant;
        this.events = events;
    }

    @GET
    public JsonArray list(@QueryParam("subject") String subject) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        for (LoginThrottle.Lock l : throttle.locks(tenant.id(), Optional.ofNullable(subject))) {
            out.add(IdentityLockoutResource.json(l));
        }
        return out.build();
    }

    @DELETE
    public Response clear(@QueryParam("subject") String subject) {
        if (subject == null || subject.isBlank()) {
            throw ApiException.invalid("subject", "name the identifier or address to clear");
        }
        if (!throttle.clear(tenant.id(), subject)) {
            throw ApiException.notFound("No failures recorded for this subject");
        }
        events.fire(SecurityEvent.of(SecurityEventType.ADMIN_CHANGE, Outcome.SUCCESS)
                .actor(RequestActor.of(request))
                .subject(subject).detail("action", "lockout cleared"));
        return Response.noContent().build();
    }
}
