package dev.gatehouse.audit.search.api;

import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.AuditAddresses;
import dev.gatehouse.audit.api.AuditEventsPage;
import dev.gatehouse.audit.search.JsonnetExport;
import dev.gatehouse.audit.search.LogQl;
import dev.gatehouse.audit.search.SavedSearch;
import dev.gatehouse.audit.search.SavedSearches;
import dev.gatehouse.audit.search.SearchVersion;
import dev.gatehouse.audit.search.StoredSearch;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.json.JsonBodies;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/audit/searches}: the request tenant's saved searches. Create, list, read, update (each update a new
 * version, with who and why: {@code reason}), delete, {@code {id}/versions}; {@code {id}/run} answers a page of
 * {@code /admin/audit/events} for the search (same shape, {@code cursor} and {@code page_size} as query parameters);
 * {@code {id}/export} the compact form ({@code ?format=jsonnet}: a jsonnet file), which {@code import} takes back;
 * {@code {id}/logql} the equivalent Loki query. Guarded by the admin filter like the rest of {@code /admin/audit}.
 */
@Path("admin/audit/searches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SavedSearchResource {

    /** What a search read back carries besides its definition; a body may bring them along, they are ignored. */
    private static final Set<String> READ_BACK = Set.of("id", "tenant", "source", "file", "version", "created_at",
            "updated_at", "runnable", "reason");
    private static final Set<String> RUN_PARAMETERS = Set.of("cursor", "page_size");
    private static final int MAX_REASON = 500;
    private static final String EVENTS_PATH = "/admin/audit/events";

    @Inject
    SavedSearches searches;
    @Inject
    AuditEventsPage pages;
    @Inject
    AuditAddresses addresses;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @GET
    public Response list() {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        searches.list(tenant()).forEach(s -> out.add(json(s)));
        return Response.ok(out.build()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        SavedSearch search = SavedSearch.parse(json, READ_BACK, clock.instant());
        return created(searches.create(tenant(), search, actor(), reason(json).orElse("created")));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Response.ok(json(searches.find(tenant(), id))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        SavedSearch search = SavedSearch.parse(json, READ_BACK, clock.instant());
        String reason = reason(json).orElseThrow(() -> AuditQueries.refused("reason", "must say why the search changes"));
        return Response.ok(json(searches.update(tenant(), id, search, actor(), reason))).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        String reason = Optional.ofNullable(uri.getQueryParameters().getFirst("reason")).filter(r -> !r.isBlank())
                .map(SavedSearchResource::checkedReason).orElse("deleted");
        searches.delete(tenant(), id, actor(), reason);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/versions")
    public Response versions(@PathParam("id") String id) {
        JsonArrayBuilder out = JsonP.createArrayBuilder();
        for (SearchVersion v : searches.versions(tenant(), id)) {
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("version", v.version())
                    .add("changed_at", v.changedAt().toString())
                    .add("search", v.search() == null ? JsonValue.NULL : v.search().toJson());
            b.add("changed_by", v.changedBy() == null ? JsonValue.NULL : JsonP.createValue(v.changedBy()));
            b.add("reason", v.reason() == null ? JsonValue.NULL : JsonP.createValue(v.reason()));
            out.add(b);
        }
        return Response.ok(out.build()).build();
    }

    @GET
    @Path("{id}/run")
    public JsonObject run(@PathParam("id") String id) {
        StoredSearch s = searches.find(tenant(), id);
        if (!runnable(s.search())) {
            throw ApiException.invalid("base_url", "names another log API; only this server's own audit API ("
                    + ownApi() + ") is run here");
        }
        Map<String, List<String>> run = new HashMap<>(uri.getQueryParameters());
        for (String name : run.keySet()) {
            if (!RUN_PARAMETERS.contains(name)) {
                throw AuditQueries.refused(name, "is not a parameter of a run; parameters: " + RUN_PARAMETERS);
            }
        }
        JsonObject page = pages.page(tenant.id(), addresses.query(tenant.id().value(), s.search().filter(run, clock.instant())), false);
        return s.search().fields().isEmpty() ? page : project(page, s.search().fields());
    }

    @POST
    @Path("{id}/run")
    public JsonObject runPosted(@PathParam("id") String id) {
        return run(id);
    }

    @GET
    @Path("{id}/export")
    public Response export(@PathParam("id") String id) {
        List<String> formats = uri.getQueryParameters().getOrDefault("format", List.of("json"));
        String format = formats.size() == 1 ? formats.get(0) : "";
        StoredSearch s = searches.find(tenant(), id);
        return switch (format) {
            case "json" -> Response.ok(s.search().toJson()).build();
            case "jsonnet" -> Response.ok(JsonnetExport.of(tenant(), s.search()), "application/jsonnet; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + s.search().name() + ".jsonnet\"").build();
            default -> throw AuditQueries.refused("format", "must be json or jsonnet");
        };
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importSearch(InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        SavedSearch search = SavedSearch.parse(json, READ_BACK, clock.instant());
        String name = uri.getQueryParameters().getFirst("name");
        if (name != null) {
            search = search.named(name);
        }
        return created(searches.create(tenant(), search, actor(), reason(json).orElse("imported")));
    }

    @GET
    @Path("{id}/logql")
    public JsonObject logql(@PathParam("id") String id) {
        LogQl.Rendered r = LogQl.render(tenant(), searches.find(tenant(), id).search());
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("query", r.query());
        r.countQuery().ifPresent(q -> b.add("count_query", q));
        r.range().ifPresent(v -> b.add("range", v));
        r.start().ifPresent(v -> b.add("start", v));
        r.end().ifPresent(v -> b.add("end", v));
        return b.add("direction", r.direction()).add("limit", r.limit()).build();
    }

    private Response created(StoredSearch s) {
        return Response.created(UriBuilder.fromUri(PublicUrls.baseUri(request)).path("admin/audit/searches").path(s.id())
                .build()).entity(json(s)).build();
    }

    private JsonObject json(StoredSearch s) {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("id", s.id());
        s.search().toJson().forEach(b::add);
        b.add("base_url", s.search().baseUrl().orElse(ownApi())).add("runnable", runnable(s.search()))
                .add("source", s.source().wire());
        if (s.file() != null) {
            b.add("file", s.file());
        }
        return b.add("version", s.version()).add("created_at", s.createdAt().toString())
                .add("updated_at", s.updatedAt().toString()).build();
    }

    /** Only this server's own audit API is run here; a search naming another one is kept and exported, not run. */
    private boolean runnable(SavedSearch s) {
        return s.baseUrl().map(u -> strip(u).equals(ownApi())).orElse(true);
    }

    private String ownApi() {
        return PublicUrls.of(request, EVENTS_PATH);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static JsonObject project(JsonObject page, List<String> fields) {
        JsonArrayBuilder events = JsonP.createArrayBuilder();
        for (JsonValue v : page.getJsonArray("events")) {
            JsonObject e = v.asJsonObject();
            JsonObjectBuilder b = JsonP.createObjectBuilder().add("id", e.get("id"));
            fields.stream().filter(e::containsKey).forEach(f -> b.add(f, e.get(f)));
            events.add(b);
        }
        JsonObjectBuilder out = JsonP.createObjectBuilder().add("events", events);
        if (page.containsKey("next_cursor")) {
            out.add("next_cursor", page.get("next_cursor"));
        }
        return out.build();
    }

    private static Optional<String> reason(JsonObject json) {
        JsonValue v = json.get("reason");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw AuditQueries.refused("reason", "must be a non-empty string");
        }
        return Optional.of(checkedReason(s.getString()));
    }

    private static String checkedReason(String reason) {
        if (reason.length() > MAX_REASON) {
            throw AuditQueries.refused("reason", "must be at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    private String tenant() {
        return tenant.id().value();
    }

    private String actor() {
        return RequestActor.of(request);
    }
}
