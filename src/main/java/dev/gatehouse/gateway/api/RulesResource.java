package dev.gatehouse.gateway.api;

import dev.gatehouse.gateway.engine.ActiveRules;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Oathkeeper's read API for the rules in force: {@code GET /rules} (with {@code limit} and {@code offset})
 * and {@code GET /rules/{id}}. Oathkeeper serves these on its internal API port; here they are guarded by
 * the admin credential (the admin filter is mapped to {@code /rules}).
 */
@Path("rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private static final int MAX_LIMIT = 500;

    @Inject
    ActiveRules rules;
    @Inject
    CurrentTenant tenant;

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        List<Rule> all = rules.current(tenant.id()).rules();
        int from = Math.min(number(offset, 0), all.size());
        int to = Math.min(all.size(), from + Math.min(number(limit, MAX_LIMIT), MAX_LIMIT));
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        all.subList(from, to).forEach(r -> out.add(r.toJson()));
        return Response.ok(out.build()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return rules.current(tenant.id()).find(id).map(r -> Response.ok(r.toJson()).build())
                .orElseGet(() -> Response.status(404).entity(JsonP.createObjectBuilder().add("error", JsonP.createObjectBuilder()
                        .add("code", 404).add("status", "Not Found").add("message", "Unable to find the rule")).build()).build());
    }

    private static int number(String value, int fallback) {
        if (value == null || !value.matches("\\d{1,6}")) {
            return fallback;
        }
        return Integer.parseInt(value);
    }
}
