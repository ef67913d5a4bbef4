package dev.gatehouse.platform.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.platform.BuildInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /version}, shaped like Ory's: {@code {"version": "..."}} plus the product name. */
@Path("version")
@RequestScoped
public class VersionResource {

    @Inject
    BuildInfo build;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject version() {
        return JsonP.createObjectBuilder()
                .add("name", "gatehouse")
                .add("version", build.version())
                .build();
    }
}
