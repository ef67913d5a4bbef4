package dev.gatehouse.gateway.api;

import dev.gatehouse.gateway.engine.RuleAdminService;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;

/**
 * {@code /admin/rules}: the tenant's database rules (create, list, read, replace, delete) and each rule's
 * version history ({@code /admin/rules/{id}/versions}). Bodies are rules in Oathkeeper's JSON shape; answers
 * are {@code {rule, revision, created_at, updated_at}}. Guarded by the admin filter; bad input is a problem.
 */
@Path("admin/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RuleAdminResource {

    @Inject
    RuleAdminService rules;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @GET
    public Response list() {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        rules.list(tenant.id()).forEach(s -> out.add(json(s)));
        return Response.ok(out.build()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        StoredRule s = rules.create(tenant.id(), JsonBodies.readObject(body), RequestActor.of(request));
        return Response.created(UriBuilder.fromUri(PublicUrls.baseUri(request)).path("admin/rules").path(s.rule().id()).build()).entity(json(s)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Response.ok(json(rules.find(tenant.id(), id))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") String id, InputStream body) {
        return Response.ok(json(rules.replace(tenant.id(), id, JsonBodies.readObject(body), RequestActor.of(request)))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rules.delete(tenant.id(), id, RequestActor.of(request));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/versions")
    public Response versions(@PathParam("id") String id) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        for (RuleVersion v : rules.history(tenant.id(), id)) {
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("revision", v.revision()).add("changed_at", v.changedAt().toString());
            b.add("rule", v.document() == null ? JsonObject.NULL : v.document());
            if (v.changedBy() != null) {
                b.add("changed_by", v.changedBy());
            }
            out.add(b);
        }
        return Response.ok(out.build()).build();
    }

    private static JsonObject json(StoredRule s) {
        return JsonP.createObjectBuilder().add("rule", s.rule().toJson()).add("revision", s.revision())
                .add("created_at", s.createdAt().toString()).add("updated_at", s.updatedAt().toString()).build();
    }
}
