package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * {@code /admin/identities/{id}/lockouts}: one identity's sign-in locks, listed or cleared at once, as Keycloak's
 * {@code /attack-detection/brute-force/users/{id}} does (Kratos has no such endpoint; {@code /admin/lockouts} works
 * per subject). Entries have the shape of {@code GET /admin/lockouts}.
 */
@Path("admin/identities/{id}/lockouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentityLockoutResource {

    private IdentityLockouts lockouts;
    private IdentityService identities;
    private CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    protected IdentityLockoutResource() {
        // for the container's proxy
    }

    @Inject
    public IdentityLockoutResource(IdentityLockouts lockouts, IdentityService identities, CurrentTenant tenant) {
        this.lockouts = lockouts;
        this.identities = identities;
        this.tenant = tenant;
    }

    @GET
    public JsonArray list(@PathParam("id") String id) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        for (LoginThrottle.Lock l : lockouts.of(identity(id))) {
            out.add(json(l));
        }
        return out.build();
    }

    /** 204 whether or not anything was counted; 404 for an identity this tenant does not have. */
    @DELETE
    public Response clear(@PathParam("id") String id) {
        lockouts.clear(identity(id), RequestActor.of(request));
        return Response.noContent().build();
    }

    private Identity identity(String id) {
        return identities.find(tenant.id(), id).orElseThrow(() -> ApiException.notFound("No identity with this id"));
    }

    /** One lock as the admin API writes it, here and in {@code GET /admin/lockouts}. */
    static JsonObjectBuilder json(LoginThrottle.Lock l) {
        JsonObjectBuilder o = JsonP.createObjectBuilder().add("kind", l.kind().name().toLowerCase(Locale.ROOT))
                .add("subject", l.subject()).add("failures", l.failures()).add("lockouts", l.lockouts());
        if (l.lockedUntil() != null) {
            o.add("locked_until", l.lockedUntil().toString());
        }
        return o;
    }
}
