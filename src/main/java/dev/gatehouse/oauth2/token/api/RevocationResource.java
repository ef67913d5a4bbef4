package dev.gatehouse.oauth2.token.api;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.token.FormParameters;
import dev.gatehouse.oauth2.token.TokenRevoker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** RFC 7009 revocation: 200 with an empty body whether or not the token was known (§2.2). */
@Path("oauth2/revoke")
@RequestScoped
public class RevocationResource {

    @Inject
    ProtocolClients clients;
    @Inject
    TokenRevoker revoker;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(MultivaluedMap<String, String> form) {
        FormParameters parameters = FormParameters.parse(form);
        OAuth2Client client = clients.authenticate(request, form, "/oauth2/revoke");
        revoker.revoke(tenant.id(), client, parameters.required("token"));
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
