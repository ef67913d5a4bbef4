package dev.gatehouse.it.audit;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.audit.AuditEvents.CHROME;
import static dev.gatehouse.it.audit.AuditEvents.TRACE;
import static dev.gatehouse.it.audit.AuditEvents.awaitEvents;
import static dev.gatehouse.it.audit.AuditEvents.events;
import static dev.gatehouse.it.audit.AuditEvents.field;
import static dev.gatehouse.it.audit.AuditEvents.get;
import static dev.gatehouse.it.audit.AuditEvents.ids;
import static dev.gatehouse.it.audit.AuditEvents.q;
import static dev.gatehouse.it.audit.AuditEvents.refusedAdminCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log over the wire: what a tenant's security events become in {@code /admin/audit/events}, each filter,
 * the keyword taken literally, paging, {@code include=identity}, both exports, and tenants kept apart. The chain's
 * verification and retention: {@link AuditChainIT}.
 */
@ExtendWith(ItServerReady.class)
class AuditLogIT {

    @Test
    void eventsWhenRefusedAdminCallThenRowSaysWhoWhatWhereAndFromWhichDevice() {
        String prefix = "/t/" + TestTenants.create("audit");
        String requestId = "audit-" + UUID.randomUUID();
        Http.get(prefix + "/admin/probe/x").header("Authorization", "Bearer not-the-key-not-the-key-123")
                .header("User-Agent", CHROME).header("X-Request-ID", requestId)
                .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").send();

        JsonObject e = awaitEvents(prefix, "request_id=" + q(requestId), 1).getJsonObject(0);

        assertEquals("admin_authentication_failed", e.getString("event_type"));
        assertEquals("authentication_failed", e.getString("action"));
        assertEquals("admin", e.getJsonObject("resource").getString("type"));
        assertEquals("anonymous", e.getJsonObject("actor").getString("type"));
        assertEquals("denied", e.getJsonObject("result").getString("status"));
        assertEquals("wrong credential", e.getJsonObject("result").getString("reason"));
        assertEquals("desktop", e.getJsonObject("device").getString("class"));
        assertEquals("Windows", e.getJsonObject("device").getString("os"));
        assertEquals("Chrome 120", e.getJsonObject("device").getString("browser"));
        assertEquals(CHROME, e.getJsonObject("device").getString("user_agent"));
        assertEquals(TRACE, e.getString("trace_id"));
        assertTrue(e.getString("ip").startsWith("127.") || e.getString("ip").equals("0:0:0:0:0:0:0:1"), e.toString());
        assertEquals(64, e.getString("hash").length());
        assertFalse(e.toString().contains("not-the-key"), "the presented credential never reaches a row: " + e);

        JsonObject status = Http.get(prefix + "/admin/audit/status").admin().send().jsonObject();
        assertEquals(e.getJsonNumber("id").longValue(), status.getJsonNumber("last_id").longValue(), status.toString());
        assertEquals(0, status.getJsonObject("pending").getInt("events"), status.toString());
    }

    @Test
    void eventsWhenFilteredByEachFieldThenOnlyTheMatchingRows() {
        String prefix = "/t/" + TestTenants.create("audit");
        String chromeRequest = "audit-" + UUID.randomUUID();
        refusedAdminCall(prefix, "a", CHROME, chromeRequest);
        refusedAdminCall(prefix, "b", "curl/8.4.0", null);
        Http.Response created = Http.post(prefix + "/admin/identities").admin().json("{\"schema_id\":\"default\","
                + "\"traits\":{\"email\":\"filter-" + UUID.randomUUID() + "@example.org\",\"name\":{\"first\":\"A\",\"last\":\"B\"}}}").send();
        assertEquals(201, created.status(), created.toString());
        String identity = created.jsonObject().getString("id");
        awaitEvents(prefix, "", 3);

        assertEquals(2, events(prefix, "event_type=admin_authentication_failed").size());
        assertEquals(3, events(prefix, "event_type=admin_authentication_failed&event_type=identity_created").size());
        assertEquals(1, events(prefix, "action=created&resource_type=identity").size());
        assertEquals(1, events(prefix, "resource_id=" + identity).size());
        assertEquals(1, events(prefix, "subject=" + identity).size());
        assertEquals(1, events(prefix, "actor_type=admin_key").size());
        assertEquals(1, events(prefix, "actor_id=admin-api-key").size());
        assertEquals(2, events(prefix, "result=denied").size());
        assertEquals(1, events(prefix, "result=success").size());
        assertEquals(0, events(prefix, "result=failure").size());
        assertEquals(1, events(prefix, "reason=" + q("wrong credential") + "&device_class=desktop").size());
        assertEquals(2, events(prefix, "device_class=other").size(), "curl and the test's own HTTP client");
        assertEquals(1, events(prefix, "browser=" + q("curl 8")).size());
        assertEquals(1, events(prefix, "os=Windows").size());
        assertEquals(1, events(prefix, "browser=" + q("Chrome 120")).size());
        assertEquals(1, events(prefix, "request_id=" + q(chromeRequest)).size());
        String ip = events(prefix, "request_id=" + q(chromeRequest)).getJsonObject(0).getString("ip");
        assertEquals(3, events(prefix, "ip=" + q(ip)).size());
        assertEquals(0, events(prefix, "ip=192.0.2.1").size());
        assertEquals(0, events(prefix, "client_id=nobody").size());
        assertEquals(0, events(prefix, "trace_id=" + TRACE).size());
        assertEquals(0, events(prefix, "aal=aal2").size());
        assertEquals(3, events(prefix, "since=now-1h").size());
        assertEquals(0, events(prefix, "to=" + q(Instant.now().minus(Duration.ofHours(1)).toString())).size());
        assertEquals(3, events(prefix, "from=" + q(Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(2)).toString())).size());
    }

    @Test
    void eventsWhenFilterOrWindowMalformedThen400NamingTheField() {
        String prefix = "/t/" + TestTenants.create("audit");
        for (String[] c : new String[][] {{"from=yesterday", "from"}, {"to=2026-01-01T00:00:00", "to"},
                {"since=now%2B1h", "since"}, {"result=ok", "result"}, {"device_class=phone", "device_class"},
                {"colour=red", "colour"}, {"page_size=100000", "page_size"}, {"cursor=bm90IGEgY3Vyc29y", "cursor"},
                {"sort=sideways", "sort"}, {"include=everything", "include"}}) {
            Http.Response r = get(prefix, c[0]);
            assertEquals(400, r.status(), c[0] + ": " + r);
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            assertEquals(c[1], field(r), c[0]);
        }
        Http.Response export = Http.get(prefix + "/admin/audit/events/export?format=xml").admin().send();
        assertEquals(400, export.status(), export.toString());
        assertEquals("format", field(export));
    }

    @Test
    void eventsWhenKeywordHasLikeMetacharactersThenTheyAreTakenLiterally() {
        String prefix = "/t/" + TestTenants.create("audit");
        refusedAdminCall(prefix, "abc-100%25_off", null, null);
        refusedAdminCall(prefix, "plain", null, null);
        awaitEvents(prefix, "", 2);

        assertEquals(1, events(prefix, "q=" + q("100%25_off")).size(), "the literal text is found");
        assertEquals(1, events(prefix, "q=" + q("ABC-100")).size(), "ignoring case");
        assertEquals(0, events(prefix, "q=" + q("100%_off")).size(), "% is no wildcard");
        assertEquals(0, events(prefix, "q=" + q("abc_100")).size(), "_ is no wildcard");
        assertEquals(1, events(prefix, "q=" + q("%")).size(), "a lone % matches only a % in the text");
        assertEquals(2, events(prefix, "q=" + q("authentication")).size(), "the action is searched too");
    }

    @Test
    void eventsWhenPagedWithCursorThenEveryRowOnceInTimeOrder() {
        String prefix = "/t/" + TestTenants.create("audit");
        for (int i = 0; i < 5; i++) {
            refusedAdminCall(prefix, "page-" + i, null, null);
        }
        awaitEvents(prefix, "", 5);

        for (String sort : List.of("desc", "asc")) {
            List<String> seen = new ArrayList<>();
            List<String> times = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Http.Response r = get(prefix, "page_size=2&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                assertEquals(200, r.status(), r.toString());
                JsonObject page = r.jsonObject();
                page.getJsonArray("events").getValuesAs(JsonObject.class).forEach(e -> {
                    seen.add(e.getJsonNumber("id").toString());
                    times.add(e.getString("time"));
                });
                cursor = page.containsKey("next_cursor") ? page.getString("next_cursor") : null;
                pages++;
            } while (cursor != null);
            assertEquals(3, pages, sort);
            assertEquals(5, new HashSet<>(seen).size(), sort + ": " + seen);
            List<String> ordered = new ArrayList<>(times);
            ordered.sort(sort.equals("asc") ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
            assertEquals(ordered.stream().map(Instant::parse).toList(), times.stream().map(Instant::parse).toList(), sort);
        }
    }

    @Test
    void eventsWhenIncludeIdentityThenActorsProvisioningShown() {
        String prefix = "/t/" + TestTenants.create("audit");
        String email = "registered-" + UUID.randomUUID() + "@example.org";
        Http.Response registered = ApiFlows.register(prefix, email, "correct horse battery staple 42");
        assertEquals(200, registered.status(), registered.toString());
        String imported = "imported-" + UUID.randomUUID() + "@example.org";
        Http.Response created = Http.post(prefix + "/admin/identities").admin().json("{\"schema_id\":\"default\","
                + "\"traits\":{\"email\":\"" + imported + "\",\"name\":{\"first\":\"I\",\"last\":\"M\"}},"
                + "\"credentials\":{\"password\":{\"config\":{\"password\":\"another long pass phrase 77\"}}}}").send();
        assertEquals(201, created.status(), created.toString());
        assertEquals(200, ApiFlows.login(prefix, imported, "another long pass phrase 77").status());

        JsonObject registration = awaitEvents(prefix, "event_type=registration&include=identity", 1).getJsonObject(0);
        JsonObject who = registration.getJsonObject("actor_identity");
        assertNotNull(who, registration.toString());
        assertEquals("registration", who.getJsonObject("provisioned").getString("how"));
        assertEquals("password", who.getJsonObject("provisioned").getString("method"));
        assertNotNull(who.getString("created_at"));
        JsonObject address = who.getJsonArray("verifiable_addresses").getJsonObject(0);
        assertEquals(email, address.getString("value"));
        assertFalse(address.getBoolean("verified"));

        JsonObject login = awaitEvents(prefix, "event_type=login&include=identity", 1).getJsonObject(0);
        JsonObject admin = login.getJsonObject("actor_identity").getJsonObject("provisioned");
        assertEquals("admin", admin.getString("how"), login.toString());
        assertEquals("admin_key", admin.getString("actor_type"));
        assertFalse(events(prefix, "event_type=login").getJsonObject(0).containsKey("actor_identity"), "only when asked");
    }

    @Test
    void eventsWhenSignInRefusedThenFailureRecordedWithoutThePassword() {
        String prefix = "/t/" + TestTenants.create("audit");
        String email = "refused-" + UUID.randomUUID() + "@example.org";
        assertEquals(200, ApiFlows.register(prefix, email, "correct horse battery staple 42").status());
        Http.Response refused = ApiFlows.login(prefix, email, "wrong horse battery staple 42");
        assertEquals(400, refused.status(), refused.toString());

        JsonArray failed = awaitEvents(prefix, "event_type=login_failed", 1);

        assertEquals(1, failed.size(), failed.toString());
        JsonObject e = failed.getJsonObject(0);
        assertEquals("failure", e.getJsonObject("result").getString("status"));
        assertFalse(e.toString().contains("wrong horse"), "the password never reaches a row: " + e);
        assertEquals(1, events(prefix, "event_type=registration&result=success").size());
    }

    @Test
    void exportWhenJsonLinesOrCsvThenEveryMatchingRowParses() throws IOException {
        String prefix = "/t/" + TestTenants.create("audit");
        refusedAdminCall(prefix, "comma,and%22quote", CHROME, null);
        for (int i = 0; i < 3; i++) {
            refusedAdminCall(prefix, "export-" + i, null, null);
        }
        List<String> expected = ids(awaitEvents(prefix, "sort=asc", 4));

        Http.Response jsonl = Http.get(prefix + "/admin/audit/events/export?format=jsonl&sort=asc").admin().send();
        assertEquals(200, jsonl.status(), jsonl.toString());
        assertTrue(jsonl.contentType().startsWith("application/x-ndjson"), jsonl.contentType());
        List<JsonObject> lines = jsonl.body().lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
        assertEquals(expected, lines.stream().map(e -> e.getJsonNumber("id").toString()).toList());

        Http.Response csv = Http.get(prefix + "/admin/audit/events/export?format=csv&sort=asc&device_class=desktop").admin().send();
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<List<String>> rows = Csv.parse(csv.body());
        assertEquals("id", rows.get(0).get(0));
        assertEquals(2, rows.size(), "header and the one desktop row: " + rows);
        List<String> row = rows.get(1);
        int details = rows.get(0).indexOf("details");
        String path = Json.createReader(new StringReader(row.get(details))).readObject().getString("path");
        assertTrue(path.endsWith("/admin/probe/comma,and%22quote"), path);
        assertEquals("desktop", row.get(rows.get(0).indexOf("device_class")));
    }

    @Test
    void eventsWhenAnotherTenantsAdminTokenThenRefusedAndOwnTenantOnlyServed() {
        String a = TestTenants.create("audit-a");
        String b = TestTenants.create("audit-b");
        String marker = "only-in-b-" + UUID.randomUUID();
        refusedAdminCall("/t/" + b, marker, null, null);
        refusedAdminCall("/t/" + a, "in-a", null, null);
        awaitEvents("/t/" + b, "", 1);
        awaitEvents("/t/" + a, "", 1);
        String tokenOfA = adminToken("/t/" + a);

        Http.Response refused = Http.get("/t/" + b + "/admin/audit/events").header("Authorization", "Bearer " + tokenOfA).send();
        assertEquals(401, refused.status(), refused.toString());
        assertFalse(refused.body().contains(marker));
        assertEquals(401, Http.get("/t/" + b + "/admin/audit/verify").header("Authorization", "Bearer " + tokenOfA).send().status());
        assertEquals(401, Http.get("/t/" + b + "/admin/audit/events/export").header("Authorization", "Bearer " + tokenOfA).send().status());

        Http.Response own = Http.get("/t/" + a + "/admin/audit/events?q=" + q(marker)).header("Authorization", "Bearer " + tokenOfA).send();
        assertEquals(200, own.status(), own.toString());
        assertEquals(0, own.jsonObject().getJsonArray("events").size(), "tenant b's rows are not in tenant a's log");
        assertEquals(1, events("/t/" + b, "q=" + q(marker)).size());
    }

    /** An admin access token of the tenant: a JWT for a client_credentials client with the admin scope. */
    private static String adminToken(String prefix) {
        TestClient ops = TestClients.jwtStrategy().tenantPrefix(prefix).scope("gatehouse:admin").create();
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(ops.id(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(ops.secret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Http.Response r = Http.post(prefix + "/oauth2/token").header("Authorization", "Basic " + basic)
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials&scope=gatehouse%3Aadmin"
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("access_token");
    }

    /** RFC 4180 reading, enough for the export: quoted fields with doubled quotes and CRLF line ends. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        f.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                } else if (ch == '\r') {
                    // the \n that follows ends the row
                } else if (ch == '\n') {
                    row.add(f.toString());
                    f.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    f.append(ch);
                }
            }
            return rows;
        }
    }
}
