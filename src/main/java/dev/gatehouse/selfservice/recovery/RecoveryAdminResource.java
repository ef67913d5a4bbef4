package dev.gatehouse.selfservice.recovery;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.code.CodeFlows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.time.Duration;

/**
 * Kratos' {@code POST /admin/recovery/code} and {@code POST /admin/recovery/link}: an admin starts a recovery
 * for an identity and gets what to pass on (nothing is e-mailed): the code and the link to the flow's page, or
 * a link that recovers the account when opened. Body {@code {"identity_id", "expires_in"}}. Both links are
 * for a browser: the first one to open them owns the flow.
 */
@Path("admin/recovery")
@RequestScoped
public class RecoveryAdminResource {

    private static final Duration MAX_EXPIRES_IN = Duration.ofDays(7);

    private RecoveryHandler recovery;
    private IdentityService identities;
    private SelfServiceConfig config;
    private CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    protected RecoveryAdminResource() {
        // for the container's proxy
    }

    @Inject
    public RecoveryAdminResource(RecoveryHandler recovery, IdentityService identities, SelfServiceConfig config,
                                 CurrentTenant tenant) {
        this.recovery = recovery;
        this.identities = identities;
        this.config = config;
        this.tenant = tenant;
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response code(InputStream body) {
        RecoveryHandler.AdminCode created = create(body, AddressProof.CODE);
        return created(JsonP.createObjectBuilder()
                .add("recovery_link", PublicUrls.of(request, "/self-service/recovery?flow=" + created.flow().id()))
                .add("recovery_code", created.code().code())
                .add("expires_at", created.code().expiresAt().toString()));
    }

    @POST
    @Path("link")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response link(InputStream body) {
        RecoveryHandler.AdminCode created = create(body, AddressProof.LINK);
        return created(JsonP.createObjectBuilder()
                .add("recovery_link", CodeFlows.link(created.flow(), created.code().linkToken()))
                .add("expires_at", created.code().expiresAt().toString()));
    }

    private RecoveryHandler.AdminCode create(InputStream body, AddressProof method) {
        JsonObject in = JsonBodies.readObject(body);
        String identityId = JsonFields.requiredString(in, "identity_id");
        Duration expiresIn = expiresIn(in);
        Identity identity = identities.find(tenant.id(), identityId)
                .orElseThrow(() -> ApiException.notFound("No identity with this id"));
        return recovery.createByAdmin(identity, method, expiresIn, PublicUrls.base(request), RequestActor.of(request));
    }

    private static Response created(JsonObjectBuilder out) {
        return Response.status(201).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity(out.build().toString()).build();
    }

    private Duration expiresIn(JsonObject in) {
        if (!in.containsKey("expires_in")) {
            return config.codeLifespan();
        }
        if (!(in.get("expires_in") instanceof JsonString s)) {
            throw ApiException.invalid("expires_in", "must be a duration such as 15m or 1h");
        }
        Duration d = ConfigReader.parseDuration(s.getString())
                .orElseThrow(() -> ApiException.invalid("expires_in", "must be a duration such as 15m or 1h"));
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_EXPIRES_IN) > 0) {
            throw ApiException.invalid("expires_in", "must be longer than zero and at most 7 days");
        }
        return d;
    }
}
