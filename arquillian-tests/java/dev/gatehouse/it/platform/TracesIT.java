package dev.gatehouse.it.platform;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.gatehouse.it.gateway.GatewayRules;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Browser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.OtlpReceiver;
import dev.gatehouse.it.support.PrometheusText;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The observability validation scenario, as Prometheus, Tempo and Loki would see it: a browser signs in, its app
 * redeems an authorization code, and an API gateway asks for a decision, every request with the caller's one
 * {@code traceparent}. The test server exports spans over OTLP/HTTP to a receiver here ({@link OtlpReceiver}):
 * one trace holds the flow's steps, the grant, the decision with a child span per handler, and the database calls
 * under them; the JSON log records of those requests carry that trace id with their service, tenant and request
 * ids and none of the secrets used; and the series on {@code /metrics} moved by what the scenario did, with
 * labels that name no user, client, flow or path.
 */
@ExtendWith(ItServerReady.class)
class TracesIT {

    private static final String RULE = "traces-it-allow";
    private static final String DENY_RULE = "traces-it-deny";
    private static final String RULES = """
            [{"id": "traces-it-allow", "match": {"url": "http://traces.it.test/open/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "noop"}]},
             {"id": "traces-it-deny", "match": {"url": "http://traces.it.test/closed/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "deny"},
              "mutators": [{"handler": "noop"}], "errors": [{"handler": "json"}]}]
            """;
    private static final List<String> RECORD_FIELDS = List.of("timestamp", "level", "message", "module", "service_name",
            "tenant_id", "request_id", "trace_id", "span_id");

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void validationScenarioWhenOneTraceparentThenOneTraceTheLogsCarryItAndTheSeriesMove() throws Exception {
        OtlpReceiver receiver = OtlpReceiver.get();
        GatewayRules.install("traces-it.json", RULES, RULE);
        AuthorizeClients.Client app = AuthorizeClients.publicClient().skipConsent().create();
        String email = "traces-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "traces-it-" + UUID.randomUUID();
        Http.Response registered = ApiFlows.register("", email, password);
        assertEquals(200, registered.status(), registered.toString());
        String identity = registered.jsonObject().getJsonObject("identity").getString("id");
        String traceId = hex(16);
        String parent = hex(8);
        String traceparent = "00-" + traceId + "-" + parent + "-01";
        Browser browser = new Browser().sending("traceparent", traceparent);
        List<String> requestIds = new ArrayList<>();
        PrometheusText before = MetricsIT.scrape();

        // a browser signs in: the login flow's page data, then its form posted with the CSRF token
        JsonObject flow = browser.json("/self-service/login/browser");
        HttpResponse<String> signIn = browser.postForm(flow.getJsonObject("ui").getString("action"),
                "csrf_token", csrfToken(flow), "method", "password", "identifier", email, "password", password);
        assertEquals(303, signIn.statusCode(), signIn.body());
        requestIds.add(signIn.headers().firstValue("X-Request-ID").orElseThrow());
        String session = browser.cookie("gatehouse_session").orElseThrow();

        // its app's authorization request, through the built-in login (the browser is signed in) to the code
        Authorizations.Started started = Authorizations.request(app);
        HttpResponse<String> step = browser.open(started.request().toURI().toString());
        for (int hops = 0; hops < 10 && !location(step).startsWith(app.redirectUri()); hops++) {
            step = browser.follow(step);
        }
        assertTrue(location(step).startsWith(app.redirectUri()), "the browser came back with a code: " + location(step));
        AuthorizationCode code = Authorizations.answer(location(step)).toSuccessResponse().getAuthorizationCode();
        URI tokenEndpoint = ItServer.get().uri("/oauth2/token");
        HTTPRequest redeem = new TokenRequest.Builder(tokenEndpoint, new ClientID(app.id()),
                new AuthorizationCodeGrant(code, URI.create(app.redirectUri()), started.verifier())).build().toHTTPRequest();
        redeem.setHeader("traceparent", traceparent);
        HTTPResponse token = redeem.send();
        assertEquals(200, token.getStatusCode(), token.getBody());
        requestIds.add(token.getHeaderValue("X-Request-ID"));
        String accessToken;
        try (JsonReader r = Json.createReader(new StringReader(token.getBody()))) {
            accessToken = r.readObject().getString("access_token");
        }

        // an API gateway asks for a decision
        Http.Response decision = Http.get("/decisions").header("traceparent", traceparent)
                .header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "traces.it.test").header("X-Forwarded-Uri", "/open/page").send();
        assertEquals(200, decision.status(), decision.toString());
        requestIds.add(decision.header("X-Request-ID"));

        List<String> steps = List.of("selfservice login create", "selfservice login submit password",
                "oauth2 token grant authorization_code", "gateway decision", "gateway authenticator anonymous",
                "gateway authorizer allow", "gateway mutator noop");
        List<OtlpReceiver.Received> spans = receiver.await(traceId, t -> names(t).containsAll(steps)
                && t.stream().anyMatch(TracesIT::isDatabase));
        assertTrue(names(spans).containsAll(steps), names(spans).toString());
        Map<String, OtlpReceiver.Received> byId = spans.stream().collect(Collectors.toMap(OtlpReceiver.Received::spanId,
                s -> s, (a, b) -> a));
        for (OtlpReceiver.Received s : spans) {
            assertTrue(s.parentSpanId().equals(parent) || byId.containsKey(s.parentSpanId()), "every span hangs in the one trace: " + s);
        }
        assertTrue(spans.stream().filter(s -> s.parentSpanId().equals(parent)).count() >= 4,
                "a server span per request, each a child of the caller's: " + names(spans));

        OtlpReceiver.Received submit = named(spans, "selfservice login submit password");
        assertEquals("signed_in", submit.attribute("gatehouse.outcome"), submit.toString());
        assertEquals("browser", submit.attribute("selfservice.flavor"), submit.toString());
        OtlpReceiver.Received grant = named(spans, "oauth2 token grant authorization_code");
        assertEquals("issued", grant.attribute("gatehouse.outcome"), grant.toString());
        assertEquals(app.id(), grant.attribute("oauth2.client_id"), grant.toString());
        OtlpReceiver.Received decided = named(spans, "gateway decision");
        assertEquals("allowed", decided.attribute("gatehouse.outcome"), decided.toString());
        assertEquals(RULE, decided.attribute("gateway.rule_id"), decided.toString());
        Map<String, String> handlers = Map.of("gateway authenticator anonymous", "authenticated",
                "gateway authorizer allow", "allowed", "gateway mutator noop", "mutated");
        for (Map.Entry<String, String> h : handlers.entrySet()) {
            OtlpReceiver.Received handler = named(spans, h.getKey());
            assertEquals(decided.spanId(), handler.parentSpanId(), "each handler a child of the decision: " + handler);
            assertEquals(RULE, handler.attribute("gateway.rule_id"), handler.toString());
            assertEquals(h.getValue(), handler.attribute("gatehouse.outcome"), handler.toString());
            assertTrue(h.getKey().endsWith(" " + handler.attribute("gateway.handler")), handler.toString());
        }

        // the database calls of the sign-in and the grant are spans in the trace, their SQL without the values
        List<OtlpReceiver.Received> database = spans.stream().filter(TracesIT::isDatabase).toList();
        assertTrue(database.stream().anyMatch(s -> under(s, submit, byId)), "a database call under the sign-in: " + database);
        assertTrue(database.stream().anyMatch(s -> under(s, grant, byId)), "a database call under the grant: " + database);
        for (OtlpReceiver.Received s : database) {
            String sql = s.attribute("db.statement");
            assertFalse(sql.contains("'") || sql.contains(email) || sql.contains(identity), "SQL is sanitized: " + sql);
        }
        String allAttributes = spans.stream().map(s -> s.name() + s.attributes()).collect(Collectors.joining("\n"));
        for (String secret : List.of(password, session, accessToken, code.getValue(), started.verifier().getValue())) {
            assertFalse(allAttributes.contains(secret), "a secret of the scenario reached a span");
        }

        assertLogsCarryTheTrace(traceId, spans, requestIds, List.of(password, session, accessToken, code.getValue()));

        PrometheusText after = MetricsIT.scrape();
        assertEquals(1, delta(before, after, "gatehouse_signins_total", "method", "password", "result", "success", "tenant", "default"));
        assertEquals(1, delta(before, after, "gatehouse_oauth2_tokens_issued_total",
                "grant_type", "authorization_code", "token", "access_token", "tenant", "default"));
        assertEquals(1, delta(before, after, "gatehouse_oauth2_tokens_issued_total",
                "grant_type", "authorization_code", "token", "id_token", "tenant", "default"));
        assertEquals(1, delta(before, after, "gatehouse_gateway_decisions_total", "rule", RULE, "outcome", "allowed"));
        assertEquals(1, delta(before, after, "gatehouse_gateway_decision_seconds_count", "outcome", "allowed"));
        assertEquals(1, delta(before, after, "gatehouse_http_server_requests_seconds_count",
                "route", "/oauth2/token", "method", "POST", "status", "2xx", "tenant", "default"));
        assertEquals(1, delta(before, after, "gatehouse_http_server_requests_seconds_count",
                "method", "POST", "status", "3xx", "tenant", "default"), "the sign-in's form post, the only POST answered 3xx");
        Set<String> unbounded = Set.of(email, identity, app.id(), traceId, flow.getString("id"), code.getValue());
        for (PrometheusText.Sample s : after.samples()) {
            if (s.name().startsWith("gatehouse_")) {
                for (Map.Entry<String, String> label : s.labels().entrySet()) {
                    String value = label.getValue();
                    assertFalse(unbounded.stream().anyMatch(value::contains), "a label names a user, client, flow or trace: " + s);
                    // a rule id is the operator's name for one of the rules they configured (bounded by the rule
                    // set), and the rules other tests made through the admin API have ids with a UUID in them; a
                    // signing key's kid is bounded by the live keys (its series go when the key is deleted)
                    if (!"rule".equals(label.getKey()) && !"kid".equals(label.getKey())) {
                        assertFalse(value.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"), "a label holds an id: " + s);
                    }
                }
            }
        }
    }

    @Test
    void decisionWhenDeniedThenTheErrorHandlerIsAChildSpanOfTheDecisionLikeTheOtherHandlers() {
        OtlpReceiver receiver = OtlpReceiver.get();
        GatewayRules.install("traces-it.json", RULES, DENY_RULE);
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

        Http.Response decision = Http.get("/decisions").header("traceparent", traceparent)
                .header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "traces.it.test").header("X-Forwarded-Uri", "/closed/page").send();

        assertEquals(403, decision.status(), decision.toString());
        List<OtlpReceiver.Received> spans = receiver.await(traceId, t -> names(t).contains("gateway error handler json")
                && names(t).contains("gateway decision"));
        OtlpReceiver.Received decided = named(spans, "gateway decision");
        assertEquals("denied_forbidden", decided.attribute("gatehouse.outcome"), decided.toString());
        assertEquals(DENY_RULE, decided.attribute("gateway.rule_id"), decided.toString());
        OtlpReceiver.Received authorizer = named(spans, "gateway authorizer deny");
        assertEquals("denied", authorizer.attribute("gatehouse.outcome"), authorizer.toString());
        assertEquals(decided.spanId(), authorizer.parentSpanId(), authorizer.toString());
        OtlpReceiver.Received errors = named(spans, "gateway error handler json");
        assertEquals(decided.spanId(), errors.parentSpanId(), "the error handler a child of the decision: " + errors);
        assertEquals("answered", errors.attribute("gatehouse.outcome"), errors.toString());
        assertEquals("json", errors.attribute("gateway.handler"), errors.toString());
        assertEquals(DENY_RULE, errors.attribute("gateway.rule_id"), errors.toString());
        assertFalse(names(spans).contains("gateway mutator noop"), "a denial runs no mutator: " + names(spans));
    }

    /**
     * Every record the scenario's requests wrote is one JSON object with the fields operators filter on, in the
     * scenario's trace and one of its spans; every line of the log after Liberty's start-up banner is JSON with a time
     * and a message (or, for a first-failure record, the exception); and the
     * identity, token and gateway services each logged their event in the trace.
     */
    private static void assertLogsCarryTheTrace(String traceId, List<OtlpReceiver.Received> spans, List<String> requestIds,
                                                List<String> secrets) throws Exception {
        Map<String, String> services = Map.of("login", "identity", "oauth2_token_issued", "token-server",
                "gateway_allowed", "gateway");
        for (Map.Entry<String, String> expected : services.entrySet()) {
            JsonObject record = ServerLog.await(r -> traceId.equals(r.getString("trace_id", ""))
                    && r.getString("message", "").contains("\"event\":\"" + expected.getKey() + "\"")).orElseThrow(
                            () -> new AssertionError("no " + expected.getKey() + " log record in trace " + traceId));
            assertEquals(expected.getValue(), record.getString("service_name"), record.toString());
            assertEquals(expected.getKey(), event(record).getString("event"));
        }
        List<JsonObject> ours = ServerLog.records().stream()
                .filter(r -> requestIds.contains(r.getString("request_id", "")) || traceId.equals(r.getString("trace_id", "")))
                .toList();
        assertTrue(ours.size() >= 3, "the scenario's requests logged: " + ours);
        for (JsonObject record : ours) {
            for (String field : RECORD_FIELDS) {
                assertTrue(record.containsKey(field) && record.get(field).getValueType() == JsonValue.ValueType.STRING
                        && !record.getString(field).isEmpty(), field + " in " + record);
            }
            assertEquals(traceId, record.getString("trace_id"), record.toString());
            assertEquals("default", record.getString("tenant_id"), record.toString());
            assertTrue(spans.stream().anyMatch(s -> s.spanId().equals(record.getString("span_id"))),
                    "the record's span is one of the trace's: " + record);
        }
        List<String> lines = Files.readAllLines(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("{")) {
            first++;
        }
        for (String line : lines.subList(first, lines.size())) {
            try (JsonReader r = Json.createReader(new StringReader(line))) {
                JsonObject o = r.readObject();
                // a first-failure record (FFDC: an exception Liberty caught, e.g. while another test took the
                // database away) has the exception and its stack where other records have a message
                boolean ffdc = "liberty_ffdc".equals(o.getString("type", "")) && o.containsKey("ibm_exceptionName");
                assertTrue(o.containsKey("timestamp") && (o.containsKey("message") || ffdc), line);
            }
        }
        String whole = String.join("\n", lines);
        for (String secret : secrets) {
            assertFalse(whole.contains(secret), "a secret of the scenario reached the log");
        }
    }

    private static boolean isDatabase(OtlpReceiver.Received s) {
        return !s.attribute("db.system").isEmpty() && !s.attribute("db.statement").isEmpty();
    }

    /** Whether {@code span} is {@code ancestor} or below it. */
    private static boolean under(OtlpReceiver.Received span, OtlpReceiver.Received ancestor, Map<String, OtlpReceiver.Received> byId) {
        for (OtlpReceiver.Received s = span; s != null; s = byId.get(s.parentSpanId())) {
            if (s.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    private static String csrfToken(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .map(n -> n.getJsonObject("attributes"))
                .filter(a -> "csrf_token".equals(a.getString("name", "")))
                .map(a -> a.getString("value")).findFirst().orElseThrow();
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private static OtlpReceiver.Received named(List<OtlpReceiver.Received> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no span " + name));
    }

    private static List<String> names(List<OtlpReceiver.Received> spans) {
        return spans.stream().map(OtlpReceiver.Received::name).toList();
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static JsonObject event(JsonObject record) {
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            return r.readObject();
        }
    }
}
