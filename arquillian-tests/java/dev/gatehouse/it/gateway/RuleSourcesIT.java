package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule files: YAML and jsonnet as well as JSON, hot reload of a changed file, a broken file that keeps the rules in
 * force, and the validation endpoint that checks a document without loading it.
 */
@ExtendWith(ItServerReady.class)
class RuleSourcesIT {

    static final String HOST = "reload.it.test";

    static String yamlRule(String authorizer) {
        return """
                - id: reload-rule
                  description: changes while the server runs
                  match:
                    url: http://reload.it.test/<.*>
                    methods: [GET]
                  authenticators:
                    - handler: noop
                  authorizer:
                    handler: %s
                  mutators:
                    - handler: noop
                """.formatted(authorizer);
    }

    @Test
    void reloadWhenYamlFileChangesThenNewRuleAppliesAndBrokenFileKeepsIt() {
        try {
            GatewayRules.install("reload-it.yaml", yamlRule("allow"), "reload-rule");
            assertEquals(200, GatewayRules.decision("GET", HOST, "/x").send().status());

            GatewayRules.write("reload-it.yaml", yamlRule("deny"));
            GatewayRules.await(() -> GatewayRules.decision("GET", HOST, "/x").send().status() == 403, "deny in force");

            GatewayRules.write("reload-it-broken.json", "[{\"id\": \"broken\", \"match\": ");
            GatewayRules.write("reload-it.yaml", yamlRule("allow"));
            sleepAFewReloads();
            assertEquals(403, GatewayRules.decision("GET", HOST, "/x").send().status(), "last good rule set kept");

            GatewayRules.delete("reload-it-broken.json");
            GatewayRules.await(() -> GatewayRules.decision("GET", HOST, "/x").send().status() == 200, "fixed set loaded");
        } finally {
            GatewayRules.delete("reload-it-broken.json");
            GatewayRules.delete("reload-it.yaml");
        }
    }

    static final String JSONNET_LIBRARY = """
            {
              rule(id, host, authorizer):: {
                id: id,
                match: { url: 'http://' + host + '/<.*>', methods: ['GET'] },
                authenticators: [{ handler: 'noop' }],
                authorizer: { handler: authorizer },
                mutators: [{ handler: 'noop' }],
              },
            }
            """;

    /** The server runs with {@code ext-vars=env=it,domain=it.test}: the rule's id and host come from them. */
    static String jsonnetOverlay(String authorizer) {
        return """
                local lib = import 'reload-lib.libsonnet';
                [lib.rule('jsonnet-' + std.extVar('env'), 'jsonnet.' + std.extVar('domain'), 'deny')
                  + { authorizer: { handler: '%s' } }]
                """.formatted(authorizer);
    }

    @Test
    void reloadWhenJsonnetOverlayChangesThenNewRuleAppliesAndEvaluationErrorKeepsIt() {
        try {
            GatewayRules.write("reload-lib.libsonnet", JSONNET_LIBRARY);
            GatewayRules.install("reload-it.jsonnet", jsonnetOverlay("allow"), "jsonnet-it");
            assertEquals(200, GatewayRules.decision("GET", "jsonnet.it.test", "/x").send().status());

            GatewayRules.write("reload-it.jsonnet", jsonnetOverlay("deny"));
            GatewayRules.await(() -> GatewayRules.decision("GET", "jsonnet.it.test", "/x").send().status() == 403, "deny in force");

            GatewayRules.write("reload-it.jsonnet", jsonnetOverlay("allow") + "\n+ [std.extVar('not-configured')]");
            sleepAFewReloads();
            assertEquals(403, GatewayRules.decision("GET", "jsonnet.it.test", "/x").send().status(), "last good rule set kept");

            GatewayRules.write("reload-it.jsonnet", jsonnetOverlay("allow"));
            GatewayRules.await(() -> GatewayRules.decision("GET", "jsonnet.it.test", "/x").send().status() == 200, "fixed set loaded");
        } finally {
            GatewayRules.delete("reload-it.jsonnet");
            GatewayRules.delete("reload-lib.libsonnet");
        }
    }

    /** Finite, but about 10^9 additions: minutes of work without the time bound (2s on the IT server). */
    static final String HEAVY_JSONNET = "[std.foldl(function(a, i) a + std.foldl(function(x, j) x + j, std.range(1, 10000), 0),"
            + " std.range(1, 100000), 0)]";

    @Test
    void reloadWhenJsonnetRunsPastTheTimeoutThenLastGoodSetKeptAndValidationSays400() {
        try {
            GatewayRules.install("reload-it.yaml", yamlRule("deny"), "reload-rule");
            GatewayRules.await(() -> GatewayRules.decision("GET", HOST, "/x").send().status() == 403, "deny in force");
            GatewayRules.write("reload-it-heavy.jsonnet", HEAVY_JSONNET);
            GatewayRules.write("reload-it.yaml", yamlRule("allow"));
            long until = System.currentTimeMillis() + 4000;
            while (System.currentTimeMillis() < until) {
                assertEquals(403, GatewayRules.decision("GET", HOST, "/x").send().status(), "last good rule set kept");
            }

            long start = System.currentTimeMillis();
            Http.Response heavy = Http.post("/admin/rules/validate?format=jsonnet").admin()
                    .body("text/plain", HEAVY_JSONNET.getBytes()).send();

            assertEquals(400, heavy.status(), heavy.toString());
            assertTrue(heavy.body().contains("evaluation took longer than 2s"), heavy.body());
            assertTrue(System.currentTimeMillis() - start < 10_000, "answered at the bound");

            GatewayRules.delete("reload-it-heavy.jsonnet");
            GatewayRules.await(() -> GatewayRules.decision("GET", HOST, "/x").send().status() == 200, "fixed set loaded");
        } finally {
            GatewayRules.delete("reload-it-heavy.jsonnet");
            GatewayRules.delete("reload-it.yaml");
        }
    }

    @Test
    void validateWhenJsonnetThenEvaluatedWithExtVarsAndImportsRefused() {
        String doc = "[(" + JSONNET_LIBRARY + ").rule('validate-' + std.extVar('env'), 'v.test', 'allow')]";
        Http.Response byType = Http.post("/admin/rules/validate").admin().body("application/jsonnet", doc.getBytes()).send();
        Http.Response byFlag = Http.post("/admin/rules/validate?format=jsonnet").admin().body("text/plain", doc.getBytes()).send();
        Http.Response importing = Http.post("/admin/rules/validate?format=jsonnet").admin()
                .body("text/plain", "[importstr '/etc/hostname']".getBytes()).send();

        assertEquals(200, byType.status(), byType.toString());
        assertEquals("validate-it", byType.jsonObject().getJsonArray("rules").getString(0));
        assertEquals(200, byFlag.status(), byFlag.toString());
        assertEquals(400, importing.status(), importing.toString());
        assertEquals(404, Http.get("/rules/validate-it").admin().send().status());
    }

    private static void sleepAFewReloads() {
        long until = System.currentTimeMillis() + 1500;
        while (System.currentTimeMillis() < until) {
            Http.get("/rules/reload-rule").admin().send();
        }
    }

    @Test
    void listWhenAdminThenRulesInOathkeepersShape() {
        try {
            GatewayRules.install("reload-list.json", """
                    [{"id": "list-me", "version": "v0.40.0", "match": {"url": "http://reload.it.test/list", "methods": ["GET"]},
                      "upstream": {"url": "http://127.0.0.1:1", "preserve_host": true},
                      "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                      "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}]
                    """, "list-me");

            JsonObject rule = Http.get("/rules/list-me").admin().send().jsonObject();
            assertEquals("http://reload.it.test/list", rule.getJsonObject("match").getString("url"));
            assertTrue(rule.getJsonObject("upstream").getBoolean("preserve_host"));
            assertEquals("header", rule.getJsonArray("mutators").getJsonObject(0).getString("handler"));
            assertTrue(Http.get("/rules").admin().send().body().contains("\"list-me\""));
            assertEquals(401, Http.get("/rules").send().status());
            assertEquals(404, Http.get("/rules/not-there").admin().send().status());
        } finally {
            GatewayRules.delete("reload-list.json");
        }
    }

    @Test
    void validateWhenDocumentGoodThen200WithIdsAndNothingLoaded() {
        Http.Response r = Http.post("/admin/rules/validate").admin().body("application/yaml",
                yamlRule("allow").replace("reload-rule", "validate-only").getBytes()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("validate-only", r.jsonObject().getJsonArray("rules").getString(0));
        assertEquals(404, Http.get("/rules/validate-only").admin().send().status());
    }

    @Test
    void validateWhenHandlerUnknownOrPatternBadOrJsonBrokenThen422NamingItOr400WhenUnparsable() {
        Http.Response unknown = Http.post("/admin/rules/validate").admin().json("""
                [{"id": "v1", "match": {"url": "http://x/", "methods": ["GET"]}, "authenticators": [{"handler": "magic"}],
                  "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}]""").send();
        Http.Response pattern = Http.post("/admin/rules/validate").admin().json("""
                [{"id": "v2", "match": {"url": "http://x/<[a-z>", "methods": ["GET"]}, "authenticators": [{"handler": "noop"}],
                  "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}]""").send();
        Http.Response broken = Http.post("/admin/rules/validate").admin().json("[{\"id\": ").send();
        Http.Response template = Http.post("/admin/rules/validate").admin().json("""
                [{"id": "v3", "match": {"url": "http://x/", "methods": ["GET"]}, "authenticators": [{"handler": "noop"}],
                  "authorizer": {"handler": "allow"},
                  "mutators": [{"handler": "header", "config": {"headers": {"X-A": "{{ exec .Subject }}"}}}]}]""").send();

        assertEquals(422, unknown.status(), unknown.toString());
        assertTrue(unknown.body().contains("magic"), unknown.body());
        assertEquals(422, pattern.status(), pattern.toString());
        assertTrue(pattern.body().contains("match.url"), pattern.body());
        assertEquals(400, broken.status(), broken.toString());
        assertEquals(422, template.status(), template.toString());
        assertEquals(401, Http.post("/admin/rules/validate").json("[]").send().status());
    }
}
