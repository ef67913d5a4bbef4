package dev.gatehouse.audit.alert.api;

import dev.gatehouse.audit.alert.AlertDraft;
import dev.gatehouse.audit.alert.AlertRule;
import dev.gatehouse.audit.alert.AlertRules;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.tenant.CurrentTenant;
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
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.time.Clock;

/**
 * {@code /admin/audit/alerts}: the request tenant's alert rules. {@code POST} creates one (201), {@code GET} lists
 * them, {@code GET/PUT/DELETE {id}} reads, replaces (the webhook secret may be left out to keep it) and deletes one.
 * The webhook secret is never answered: {@code webhook.secret_set} says there is one.
 */
@Path("admin/audit/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertRules rules;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        AlertDraft draft = AlertDraft.parse(JsonBodies.readObject(body), clock.instant(), true);
        AlertRule rule = rules.create(tenant.id(), draft, RequestActor.of(request));
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id()).build()).entity(json(rule)).build();
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder alerts = JsonP.createArrayBuilder();
        rules.list(tenant.id()).forEach(r -> alerts.add(json(r)));
        return JsonP.createObjectBuilder().add("alerts", alerts).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(rules.get(tenant.id(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("id") String id, InputStream body) {
        AlertDraft draft = AlertDraft.parse(JsonBodies.readObject(body), clock.instant(), false);
        return json(rules.replace(tenant.id(), id, draft, RequestActor.of(request)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rules.delete(tenant.id(), id, RequestActor.of(request));
        return Response.noContent().build();
    }

    static JsonObject json(AlertRule r) {
        JsonObjectBuilder query = JsonP.createObjectBuilder();
        r.query().forEach((name, values) -> query.add(name, JsonP.createArrayBuilder(values)));
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("id", r.id()).add("name", r.name()).add("query", query);
        if (r.searchId() != null) {
            b.add("search_id", r.searchId());
        }
        return b.add("group_by", r.groupBy().wire()).add("threshold", r.threshold())
                .add("window", AlertRules.windowText(r.window()))
                .add("webhook", JsonP.createObjectBuilder().add("url", r.webhookUrl().toString()).add("secret_set", true))
                .add("created_at", r.createdAt().toString()).add("updated_at", r.updatedAt().toString())
                .build();
    }
}
