package dev.gatehouse.tenant.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /tenant}: which tenant this request was resolved to (public: id and display name only). */
@Path("tenant")
@RequestScoped
public class CurrentTenantResource {

    @Inject
    CurrentTenant tenant;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject current() {
        return JsonP.createObjectBuilder()
                .add("id", tenant.id().value())
                .add("display_name", tenant.displayName())
                .build();
    }
}
