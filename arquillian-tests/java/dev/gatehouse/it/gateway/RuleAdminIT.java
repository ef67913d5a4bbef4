package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules in the database through {@code /admin/rules}: they join the rule set of their tenant only, every
 * change is a new revision in the history, and bad input is refused with a problem and changes nothing.
 */
@ExtendWith(ItServerReady.class)
class RuleAdminIT {

    static final String HOST = "admin-rules.it.test";

    static String rule(String id, String path, String authorizer) {
        return """
                {"id": "%s", "match": {"url": "http://admin-rules.it.test%s", "methods": ["GET"]},
                 "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "%s"},
                 "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
                """.formatted(id, path, authorizer);
    }

    static int decide(String prefix, String path) {
        return Http.get(prefix + "/decisions" + path).header("X-Forwarded-Host", HOST).header("X-Forwarded-Proto", "http").send().status();
    }

    @Test
    void crudWhenRuleCreatedChangedDeletedThenDecisionsFollowAndHistoryKeepsEveryRevision() {
        String id = "db-" + UUID.randomUUID();
        String path = "/" + id;

        Http.Response created = Http.post("/admin/rules").admin().json(rule(id, path, "allow")).send();
        assertEquals(201, created.status(), created.toString());
        assertEquals(1, created.jsonObject().getInt("revision"));
        GatewayRules.await(() -> decide("", path) == 200, "created rule in force");
        assertEquals(200, Http.get("/rules/" + id).admin().send().status());

        Http.Response replaced = Http.method("PUT", "/admin/rules/" + id).admin().json(rule(id, path, "deny")).send();
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals(2, replaced.jsonObject().getInt("revision"));
        GatewayRules.await(() -> decide("", path) == 403, "replaced rule in force");

        assertEquals(204, Http.method("DELETE", "/admin/rules/" + id).admin().send().status());
        GatewayRules.await(() -> decide("", path) == 404, "deleted rule gone");

        JsonArray versions = Http.get("/admin/rules/" + id + "/versions").admin().send().json().asJsonArray();
        assertEquals(3, versions.size());
        assertEquals(3, versions.getJsonObject(0).getInt("revision"));
        assertTrue(versions.getJsonObject(0).isNull("rule"));
        assertEquals("deny", versions.getJsonObject(1).getJsonObject("rule").getJsonObject("authorizer").getString("handler"));
        assertEquals("admin-api-key", versions.getJsonObject(2).getString("changed_by"));
        assertEquals(404, Http.get("/admin/rules/" + id).admin().send().status());
    }

    @Test
    void createWhenInAnotherTenantThenOnlyThatTenantsDecisionsUseIt() {
        String id = "acme-" + UUID.randomUUID();
        String path = "/" + id;

        assertEquals(201, Http.post("/t/acme/admin/rules").admin().json(rule(id, path, "allow")).send().status());

        GatewayRules.await(() -> decide("/t/acme", path) == 200, "rule in force for acme");
        assertEquals(404, decide("", path));
        assertEquals(404, Http.get("/admin/rules/" + id).admin().send().status());
        assertTrue(Http.get("/t/acme/admin/rules").admin().send().body().contains(id));
    }

    @Test
    void writeWhenInputBadThenProblemAndNothingChanges() {
        String id = "bad-" + UUID.randomUUID();

        assertEquals(400, Http.post("/admin/rules").admin().json("{\"id\": ").send().status());
        Http.Response unknown = Http.post("/admin/rules").admin().json(rule(id, "/x", "telepathy")).send();
        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
        assertEquals(422, Http.post("/admin/rules").admin().json(rule(id, "/<[x>", "allow")).send().status());
        assertEquals(422, Http.post("/admin/rules").admin().json("{\"id\": \"" + id + "\", \"nonsense\": 1}").send().status());
        assertEquals(401, Http.post("/admin/rules").json(rule(id, "/x", "allow")).send().status());
        assertEquals(404, Http.get("/admin/rules/" + id).admin().send().status());

        assertEquals(201, Http.post("/admin/rules").admin().json(rule(id, "/" + id, "allow")).send().status());
        assertEquals(409, Http.post("/admin/rules").admin().json(rule(id, "/" + id, "allow")).send().status());
        assertEquals(422, Http.method("PUT", "/admin/rules/" + id).admin().json(rule("other", "/" + id, "allow")).send().status());
        assertEquals(404, Http.method("PUT", "/admin/rules/missing-" + id).admin().json(rule("missing-" + id, "/y", "allow")).send().status());
        assertEquals(1, Http.get("/admin/rules/" + id).admin().send().jsonObject().getInt("revision"));
        assertEquals(204, Http.method("DELETE", "/admin/rules/" + id).admin().send().status());
    }

    /** A fresh tenant has no {@code gateway_rule_set} row yet: its first writes race to create it. */
    @Test
    void createWhenConcurrentFirstWritesInAFreshTenantThenAll201AndEveryRuleInForce() throws Exception {
        String tenant = TestTenants.create("rules");
        int writers = 6;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            ids.add("first-" + i + "-" + UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (String id : ids) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return Http.post("/t/" + tenant + "/admin/rules").admin().json(rule(id, "/" + id, "allow")).send();
                }));
            }
            go.countDown();
            for (Future<Http.Response> answer : answers) {
                Http.Response r = answer.get(60, TimeUnit.SECONDS);
                assertEquals(201, r.status(), r.toString());
                assertEquals(1, r.jsonObject().getInt("revision"), r.toString());
            }
        } finally {
            pool.shutdownNow();
        }

        JsonArray listed = Http.get("/t/" + tenant + "/admin/rules").admin().send().json().asJsonArray();
        assertEquals(writers, listed.size(), listed.toString());
        for (String id : ids) {
            JsonArray versions = Http.get("/t/" + tenant + "/admin/rules/" + id + "/versions").admin().send().json().asJsonArray();
            assertEquals(1, versions.size(), versions.toString());
            assertEquals(1, versions.getJsonObject(0).getInt("revision"));
            GatewayRules.await(() -> decide("/t/" + tenant, "/" + id) == 200, "rule " + id + " in force for the tenant");
        }
    }

    @Test
    void createWhenConcurrentWritesOfTheSameIdThenOne201AndTheRest409() throws Exception {
        String tenant = TestTenants.create("same-id");
        String id = "same-" + UUID.randomUUID();
        int writers = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return Http.post("/t/" + tenant + "/admin/rules").admin().json(rule(id, "/" + id, "allow")).send();
                }));
            }
            go.countDown();
            for (Future<Http.Response> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        JsonArray versions = Http.get("/t/" + tenant + "/admin/rules/" + id + "/versions").admin().send().json().asJsonArray();
        assertEquals(1, versions.size(), versions.toString());
    }

    @Test
    void createWhenIdTakenByAFileRuleThen422() {
        try {
            GatewayRules.install("admin-rules-it.json", "[" + rule("file-owned", "/file-owned", "allow") + "]", "file-owned");

            Http.Response r = Http.post("/admin/rules").admin().json(rule("file-owned", "/elsewhere", "allow")).send();

            assertEquals(422, r.status(), r.toString());
        } finally {
            GatewayRules.delete("admin-rules-it.json");
        }
    }
}
