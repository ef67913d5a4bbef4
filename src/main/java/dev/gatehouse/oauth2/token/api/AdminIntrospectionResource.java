package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.token.FormParameters;
import dev.gatehouse.oauth2.token.TokenIntrospection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Hydra's admin {@code POST /admin/oauth2/introspect}: the same answer as RFC 7662, guarded by the admin filter. */
@Path("admin/oauth2/introspect")
@RequestScoped
public class AdminIntrospectionResource {

    @Inject
    TokenIntrospection introspection;
    @Inject
    Issuer issuer;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form) {
        String token = FormParameters.parse(form).required("token");
        return NoStore.ok(introspection.introspect(tenant.id(), token, issuer.of(request)));
    }
}
