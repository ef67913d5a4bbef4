package dev.gatehouse.gateway.demo;

import dev.gatehouse.kernel.JsonP;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The demo upstream: it trusts the gateway completely and only echoes what the gateway told it
 * ({@code X-User}, {@code X-User-Email}). Reachable only through the gateway filter's rules, and only in
 * demo mode.
 */
@Path("demo/api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoApiResource {

    @Inject
    DemoRules demo;

    @GET
    @Path("{endpoint:public|me|admin}")
    public String endpoint(@PathParam("endpoint") String endpoint, @HeaderParam("X-User") String user,
                           @HeaderParam("X-User-Email") String email) {
        return answer("/demo/api/" + endpoint, user, email);
    }

    @GET
    @Path("accounts/{id}")
    public String account(@PathParam("id") String id, @HeaderParam("X-User") String user) {
        return answer("/demo/api/accounts/" + id, user, null);
    }

    private String answer(String endpoint, String user, String email) {
        if (!demo.enabled()) {
            throw new NotFoundException();
        }
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("endpoint", endpoint).add("x_user", user == null ? "" : user);
        if (email != null) {
            b.add("x_user_email", email);
        }
        return b.build().toString();
    }
}
