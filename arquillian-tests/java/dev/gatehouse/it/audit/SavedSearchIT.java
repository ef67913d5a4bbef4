package dev.gatehouse.it.audit;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved searches of the audit log over the wire: create, read, update with a reason, versions, delete, each change in
 * the audit log itself; runs that answer what {@code /admin/audit/events} answers, page by page; tenants kept apart;
 * a search defined in a jsonnet file, loaded, run, exported, imported and run again with the same rows; bad input.
 */
@ExtendWith(ItServerReady.class)
class SavedSearchIT {

    private static final String FAILED_ADMIN_CALLS = """
            {"name": "Audit-AdminCalls-gatehouse-refused", "description": "refused admin calls", "owner": "secops",
             "query": {"event_type": "admin_authentication_failed", "since": "now-1h", "page_size": 2}}
            """;

    private static String searches(String prefix) {
        return prefix + "/admin/audit/searches";
    }

    private static JsonObject create(String prefix, String json) {
        Http.Response r = Http.post(searches(prefix)).admin().json(json).send();
        assertEquals(201, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response get(String path) {
        return Http.get(path).admin().send();
    }

    private static JsonObject ok(Http.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static String field(Http.Response r) {
        return r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonNumber("id").toString()).toList();
    }

    /** {@code n} refused admin calls in the tenant, and the page of them once the writer has chained all. */
    private static void refusedAdminCalls(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            Http.Response r = Http.get(prefix + "/admin/probe/" + i).header("Authorization", "Bearer not-the-key-not-the-key-123").send();
            assertEquals(401, r.status(), r.toString());
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (ok(get(prefix + "/admin/audit/events?event_type=admin_authentication_failed")).getJsonArray("events").size() < n
                && Instant.now().isBefore(deadline)) {
            pause();
        }
    }

    private static JsonArray awaitEvents(String prefix, String query, int n) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            JsonArray events = ok(get(prefix + "/admin/audit/events?" + query)).getJsonArray("events");
            if (events.size() >= n || Instant.now().isAfter(deadline)) {
                return events;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void searchesWhenCreatedUpdatedAndDeletedThenVersionsSayWhoAndWhyAndTheAuditLogHasEachChange() {
        String tenant = TestTenants.create("searches");
        String prefix = "/t/" + tenant;

        JsonObject created = create(prefix, FAILED_ADMIN_CALLS);
        String id = created.getString("id");
        assertEquals("Audit-AdminCalls-gatehouse-refused", created.getString("name"));
        assertEquals("api", created.getString("source"));
        assertEquals(1, created.getInt("version"));
        assertTrue(created.getString("base_url").endsWith(prefix + "/admin/audit/events"), created.toString());
        assertTrue(created.getBoolean("runnable"));
        assertEquals("admin_authentication_failed", created.getJsonObject("query").getString("event_type"));
        assertEquals(created, ok(get(searches(prefix) + "/" + id)));
        assertEquals(List.of(id), Http.get(searches(prefix)).admin().send().json().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList());

        Http.Response again = Http.post(searches(prefix)).admin().json(FAILED_ADMIN_CALLS).send();
        assertEquals(409, again.status(), again.toString());

        String changed = FAILED_ADMIN_CALLS.replace("refused admin calls", "refused admin calls, last day")
                .replace("now-1h", "now-24h");
        Http.Response noReason = Http.method("PUT", searches(prefix) + "/" + id).admin().json(changed).send();
        assertEquals(400, noReason.status(), noReason.toString());
        assertEquals("reason", field(noReason));
        JsonObject updated = ok(Http.method("PUT", searches(prefix) + "/" + id).admin()
                .json(changed.replaceFirst("\\{", "{\"reason\": \"a day is what the on-call looks at\", ")).send());
        assertEquals(2, updated.getInt("version"));
        assertEquals("now-24h", updated.getJsonObject("query").getString("since"));

        Http.Response deleted = Http.method("DELETE", searches(prefix) + "/" + id + "?reason=replaced").admin().send();
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, get(searches(prefix) + "/" + id).status());

        JsonArray versions = Http.get(searches(prefix) + "/" + id + "/versions").admin().send().json().asJsonArray();
        assertEquals(3, versions.size(), versions.toString());
        assertEquals(3, versions.getJsonObject(0).getInt("version"));
        assertEquals(JsonValue.NULL, versions.getJsonObject(0).get("search"));
        assertEquals("replaced", versions.getJsonObject(0).getString("reason"));
        assertEquals("a day is what the on-call looks at", versions.getJsonObject(1).getString("reason"));
        assertEquals("refused admin calls, last day", versions.getJsonObject(1).getJsonObject("search").getString("description"));
        assertEquals("refused admin calls", versions.getJsonObject(2).getJsonObject("search").getString("description"));
        for (JsonValue v : versions) {
            assertEquals("admin-api-key", v.asJsonObject().getString("changed_by"));
        }

        JsonArray audit = awaitEvents(prefix, "resource_type=audit_search&sort=asc", 3);
        assertEquals(List.of("audit_search_created", "audit_search_updated", "audit_search_deleted"),
                audit.getValuesAs(JsonObject.class).stream().map(e -> e.getString("event_type")).toList());
        for (JsonObject e : audit.getValuesAs(JsonObject.class)) {
            assertEquals(id, e.getJsonObject("resource").getString("id"));
            assertEquals("admin_key", e.getJsonObject("actor").getString("type"));
            assertEquals("Audit-AdminCalls-gatehouse-refused", e.getJsonObject("details").getString("name"));
        }
        assertEquals("replaced", audit.getJsonObject(2).getJsonObject("details").getString("reason"));
    }

    @Test
    void searchesWhenAnotherTenantAsksThenNotFoundAndNothingChanges() {
        String owner = "/t/" + TestTenants.create("searches");
        String other = "/t/" + TestTenants.create("searches");
        String id = create(owner, FAILED_ADMIN_CALLS).getString("id");
        String path = searches(other) + "/" + id;

        for (String sub : List.of("", "/versions", "/run", "/export", "/export?format=jsonnet", "/logql")) {
            Http.Response r = get(path + sub);
            assertEquals(404, r.status(), sub + " " + r);
        }
        assertEquals(404, Http.post(path + "/run").admin().send().status());
        assertEquals(404, Http.method("PUT", path).admin()
                .json(FAILED_ADMIN_CALLS.replaceFirst("\\{", "{\"reason\": \"x\", ")).send().status());
        assertEquals(404, Http.method("DELETE", path).admin().send().status());
        assertEquals(0, Http.get(searches(other)).admin().send().json().asJsonArray().size());

        JsonObject still = ok(get(searches(owner) + "/" + id));
        assertEquals(1, still.getInt("version"));
        // the other tenant may use the same name: names are unique per tenant
        create(other, FAILED_ADMIN_CALLS);
    }

    @Test
    void runWhenSavedThenTheSamePagesAsTheEventsApiFollowingTheCursor() {
        String prefix = "/t/" + TestTenants.create("searches");
        refusedAdminCalls(prefix, 3);
        String id = create(prefix, FAILED_ADMIN_CALLS).getString("id");

        JsonObject first = ok(get(searches(prefix) + "/" + id + "/run"));
        JsonObject events = ok(get(prefix + "/admin/audit/events?event_type=admin_authentication_failed&since=now-1h&page_size=2"));
        assertEquals(events.getJsonArray("events"), first.getJsonArray("events"));
        assertEquals(2, first.getJsonArray("events").size());
        String cursor = first.getString("next_cursor");
        assertNotNull(cursor);

        JsonObject second = ok(Http.post(searches(prefix) + "/" + id + "/run?cursor=" + cursor).admin().send());
        assertEquals(ok(get(prefix + "/admin/audit/events?event_type=admin_authentication_failed&since=now-1h&page_size=2&cursor="
                + cursor)).getJsonArray("events"), second.getJsonArray("events"));
        assertEquals(1, second.getJsonArray("events").size());
        assertFalse(second.containsKey("next_cursor"));

        JsonObject narrow = create(prefix, FAILED_ADMIN_CALLS.replace("refused\"", "narrow\"")
                .replace("\"owner\"", "\"fields\": [\"event_type\", \"result\"], \"owner\""));
        JsonObject row = ok(get(searches(prefix) + "/" + narrow.getString("id") + "/run?page_size=1"))
                .getJsonArray("events").getJsonObject(0);
        assertEquals(List.of("id", "event_type", "result"), List.copyOf(row.keySet()));
        assertEquals("denied", row.getJsonObject("result").getString("status"));
    }

    @Test
    void runWhenBaseUrlNamesAnotherLogApiThenRefusedNamingItWhileExportStillWorks() {
        String prefix = "/t/" + TestTenants.create("searches");
        JsonObject s = create(prefix, FAILED_ADMIN_CALLS.replace("\"owner\"",
                "\"base_url\": \"https://audit.elsewhere.example/admin/audit/events\", \"owner\""));
        assertFalse(s.getBoolean("runnable"));

        Http.Response r = get(searches(prefix) + "/" + s.getString("id") + "/run");

        assertEquals(422, r.status(), r.toString());
        assertEquals("base_url", field(r));
        assertEquals("https://audit.elsewhere.example/admin/audit/events",
                ok(get(searches(prefix) + "/" + s.getString("id") + "/export")).getString("base_url"));
    }

    @Test
    void searchWhenDefinedInJsonnetFileThenLoadedReadOnlyRunExportedImportedAndRunWithTheSameRows() throws IOException {
        String tenant = TestTenants.create("searches");
        String prefix = "/t/" + tenant;
        refusedAdminCalls(prefix, 3);
        Path file = ItServer.get().auditSearchesDir().resolve(tenant + ".jsonnet");
        Files.writeString(file, """
                local env = std.extVar('environment');
                {
                  tenant: '%s',
                  searches: [{
                    name: 'Audit-AdminCalls-gatehouse-' + env,
                    description: 'refused admin calls in ' + env,
                    owner: 'secops',
                    query: { event_type: ['admin_authentication_failed'], result: 'denied', since: 'now-1h', sort: 'asc' },
                    fields: ['time', 'event_type', 'details'],
                  }],
                }
                """.formatted(tenant));
        try {
            JsonObject loaded = awaitFileSearch(prefix);
            assertEquals("Audit-AdminCalls-gatehouse-staging", loaded.getString("name"));
            assertEquals("refused admin calls in staging", loaded.getString("description"));
            assertEquals(tenant + ".jsonnet", loaded.getString("file"));
            String id = loaded.getString("id");

            Http.Response change = Http.method("PUT", searches(prefix) + "/" + id).admin()
                    .json("{\"name\": \"Audit-AdminCalls-gatehouse-staging\", \"reason\": \"x\"}").send();
            assertEquals(409, change.status(), change.toString());
            assertEquals(409, Http.method("DELETE", searches(prefix) + "/" + id).admin().send().status());
            assertEquals(1, Http.get(searches(prefix) + "/" + id + "/versions").admin().send().json().asJsonArray().size());

            JsonObject run = ok(get(searches(prefix) + "/" + id + "/run"));
            assertEquals(3, run.getJsonArray("events").size(), run.toString());

            JsonObject exported = ok(get(searches(prefix) + "/" + id + "/export"));
            assertEquals(List.of("name", "description", "owner", "query", "fields"), List.copyOf(exported.keySet()));
            Http.Response imported = Http.post(searches(prefix) + "/import?name=Audit-AdminCalls-gatehouse-copy").admin()
                    .json(exported.toString()).send();
            assertEquals(201, imported.status(), imported.toString());
            assertEquals("api", imported.jsonObject().getString("source"));
            JsonObject rerun = ok(get(searches(prefix) + "/" + imported.jsonObject().getString("id") + "/run"));
            assertEquals(ids(run), ids(rerun));
            assertEquals(run.getJsonArray("events"), rerun.getJsonArray("events"));

            Http.Response jsonnet = get(searches(prefix) + "/" + id + "/export?format=jsonnet");
            assertEquals(200, jsonnet.status(), jsonnet.toString());
            assertTrue(jsonnet.body().contains("\"tenant\": \"" + tenant + "\""), jsonnet.body());
            assertTrue(jsonnet.body().contains("Audit-AdminCalls-gatehouse-staging"), jsonnet.body());

            JsonObject logql = ok(get(searches(prefix) + "/" + id + "/logql"));
            assertEquals("{service_name=\"platform\"} | json | module=\"gatehouse.security\" | line_format \"{{.message}}\""
                    + " | json | tenant=\"" + tenant + "\" | event=\"admin_authentication_failed\" | outcome=\"denied\"",
                    logql.getString("query"));
            assertEquals("1h", logql.getString("range"));
            assertEquals("forward", logql.getString("direction"));
            // the log lines that query selects, read as Loki would read them, are the rows the search runs into
            assertEquals(3, securityLines(tenant, "platform", "admin_authentication_failed", "denied"), logql.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The security-event records of messages.log with these fields, once the log holds them. */
    private static long securityLines(String tenant, String service, String event, String outcome) {
        java.util.function.Predicate<JsonObject> match = r -> service.equals(r.getString("service_name", null))
                && "gatehouse.security".equals(r.getString("module", null)) && matches(r.getString("message", "{}"),
                tenant, event, outcome);
        ServerLog.await(match);
        return ServerLog.records().stream().filter(match).count();
    }

    private static boolean matches(String message, String tenant, String event, String outcome) {
        JsonObject m;
        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(message))) {
            m = r.readObject();
        } catch (RuntimeException e) {
            return false;
        }
        return tenant.equals(m.getString("tenant", null)) && event.equals(m.getString("event", null))
                && outcome.equals(m.getString("outcome", null));
    }

    private static JsonObject awaitFileSearch(String prefix) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            JsonArray all = Http.get(searches(prefix)).admin().send().json().asJsonArray();
            for (JsonObject s : all.getValuesAs(JsonObject.class)) {
                if (s.getString("source").equals("file")) {
                    return s;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the jsonnet file was not loaded: " + all);
            }
            pause();
        }
    }

    @Test
    void searchesWhenInputBadThen400NamingTheFieldAsTheEventsApiDoes() {
        String prefix = "/t/" + TestTenants.create("searches");
        String ok = "\"name\": \"Audit-Logins-kratos-failed\"";

        assertEquals("result", field(get(prefix + "/admin/audit/events?result=maybe")));
        for (String[] c : new String[][] {
                {"{\"name\": \"failed logins\"}", "name"},
                {"{\"description\": \"no name\"}", "name"},
                {"{" + ok + ", \"query\": {\"result\": \"maybe\"}}", "result"},
                {"{" + ok + ", \"query\": {\"since\": \"last tuesday\"}}", "since"},
                {"{" + ok + ", \"query\": {\"colour\": \"red\"}}", "colour"},
                {"{" + ok + ", \"query\": {\"cursor\": \"abc\"}}", "cursor"},
                {"{" + ok + ", \"fields\": [\"password\"]}", "fields"},
                {"{" + ok + ", \"base_url\": \"javascript:alert(1)\"}", "base_url"},
                {"{" + ok + ", \"owner\": \"" + "o".repeat(300) + "\"}", "owner"},
                {"{" + ok + ", \"colour\": \"red\"}", "colour"}}) {
            Http.Response r = Http.post(searches(prefix)).admin().json(c[0]).send();
            assertEquals(400, r.status(), c[0] + " " + r);
            assertEquals(c[1], field(r), c[0]);
            assertFalse(r.body().contains("Exception"), r.body());
        }
        Http.Response malformed = Http.post(searches(prefix)).admin().json("{\"name\": ").send();
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals(0, Http.get(searches(prefix)).admin().send().json().asJsonArray().size());

        String id = create(prefix, "{" + ok + ", \"query\": {\"device_class\": \"mobile\"}}").getString("id");
        Http.Response run = get(searches(prefix) + "/" + id + "/run?event_type=login");
        assertEquals(400, run.status(), run.toString());
        assertEquals("event_type", field(run));
        assertEquals("cursor", field(get(searches(prefix) + "/" + id + "/run?cursor=not-a-cursor")));
        assertEquals("format", field(get(searches(prefix) + "/" + id + "/export?format=xml")));
        Http.Response logql = get(searches(prefix) + "/" + id + "/logql");
        assertEquals(422, logql.status(), logql.toString());
        assertEquals("device_class", field(logql));
        Http.Response rename = Http.post(searches(prefix) + "/import?name=" + URLEncoder.encode("bad name", StandardCharsets.UTF_8))
                .admin().json("{" + ok + "}").send();
        assertEquals(400, rename.status(), rename.toString());
        assertEquals("name", field(rename));
        assertEquals(404, get(searches(prefix) + "/" + UUID.randomUUID()).status());
        assertEquals(401, Http.get(searches(prefix)).send().status());
    }
}
