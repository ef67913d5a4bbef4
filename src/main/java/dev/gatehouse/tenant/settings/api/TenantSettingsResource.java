package dev.gatehouse.tenant.settings.api;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.settings.TenantSettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/tenants/{id}/settings}: what a tenant has set (GET), all of it replaced (PUT), some keys set or
 * removed (PATCH, an RFC 7396 merge patch), and the value in force for every settable key ({@code GET .../effective}).
 * A key the tenant has not set has its global value. The admin API key and the default tenant's admin tokens
 * reach every tenant; another tenant's admin token reaches its own settings only, and is refused (403) for any other
 * before anything is read, so it learns nothing of which tenants exist.
 */
@Path("admin/tenants/{id}/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    TenantSettingsService settings;
    @Inject
    CurrentTenant current;
    @Context
    HttpServletRequest request;

    @GET
    public JsonObject get(@PathParam("id") String id) {
        return SettingsJson.of(settings.get(reachable(id)));
    }

    @GET
    @Path("effective")
    public JsonObject effective(@PathParam("id") String id) {
        return SettingsJson.of(settings.effective(reachable(id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("id") String id, InputStream body) {
        TenantId tenant = reachable(id);
        Map<String, String> values = new HashMap<>();
        JsonBodies.readObject(body).forEach((key, value) -> SettingsJson.text(key, value).ifPresent(v -> values.put(key, v)));
        return SettingsJson.of(settings.replace(tenant, values, RequestActor.of(request)));
    }

    @PATCH
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public JsonObject patch(@PathParam("id") String id, InputStream body) {
        TenantId tenant = reachable(id);
        JsonObject patch = JsonBodies.readObject(body);
        Map<String, String> set = new HashMap<>();
        Set<String> unset = new HashSet<>();
        patch.forEach((key, value) -> SettingsJson.text(key, value).ifPresentOrElse(v -> set.put(key, v), () -> unset.add(key)));
        return SettingsJson.of(settings.patch(tenant, set, unset, RequestActor.of(request)));
    }

    /**
     * The tenant named in the path, if this request's admin credential reaches it: the admin API key and the
     * default tenant's tokens reach all; a token of another tenant was issued by the tenant it is presented to
     * (see the admin filter), so it reaches that tenant only.
     */
    private TenantId reachable(String id) {
        boolean everyTenant = RequestActor.ADMIN_API_KEY.equals(RequestActor.of(request)) || TenantId.DEFAULT.equals(current.id());
        if (!everyTenant && !current.id().value().equals(id)) {
            throw new ApiException(ApiError.FORBIDDEN, "This admin credential reaches only its own tenant's settings");
        }
        if (!TenantId.isValid(id)) {
            throw ApiException.notFound("No tenant with this id");
        }
        return new TenantId(id);
    }
}
