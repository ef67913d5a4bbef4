package dev.gatehouse.it.platform;

import dev.gatehouse.it.gateway.GatewayRules;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.OtlpReceiver;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces and the logs that go with them, as Tempo and Loki would see them: the test server exports spans over
 * OTLP/HTTP to a receiver here; a caller's {@code traceparent} makes one trace of its sign-in, its token request
 * and a gateway decision, with Gatehouse's own spans (the grant, the decision, each gateway handler) inside, and
 * the JSON log records of those requests carry that trace id, their service, tenant and request ids, and none
 * of the secrets the scenario used.
 */
@ExtendWith(ItServerReady.class)
class TracesIT {

    private static final String RULE = "traces-it-allow";
    private static final String RULES = """
            [{"id": "traces-it-allow", "match": {"url": "http://traces.it.test/open/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "noop"}]}]
            """;

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void traceparentWhenGivenThenSignInTokenAndDecisionAreOneTraceAndTheirLogLinesCarryIt() throws Exception {
        OtlpReceiver receiver = OtlpReceiver.get();
        GatewayRules.install("traces-it.json", RULES, RULE);
        TestClient client = TestClients.confidential().grantTypes("client_credentials").create();
        String email = "traces-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "traces-it-" + UUID.randomUUID();
        assertEquals(200, ApiFlows.register("", email, password).status());
        String traceId = hex(16);
        String parent = hex(8);
        String traceparent = "00-" + traceId + "-" + parent + "-01";

        Http.Response flow = Http.get("/self-service/login/api").header("traceparent", traceparent).send();
        String action = flow.jsonObject().getJsonObject("ui").getString("action");
        Http.Response signIn = Http.post(action.substring(action.indexOf('/', action.indexOf("//") + 2)))
                .header("traceparent", traceparent)
                .json("{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
        assertEquals(200, signIn.status(), signIn.toString());
        String sessionToken = signIn.jsonObject().getString("session_token");
        Http.Response token = Http.post("/oauth2/token").header("traceparent", traceparent)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (enc(client.id()) + ":" + enc(client.secret())).getBytes(StandardCharsets.UTF_8)))
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, token.status(), token.toString());
        String accessToken = token.jsonObject().getString("access_token");
        Http.Response decision = Http.get("/decisions").header("traceparent", traceparent)
                .header("X-Forwarded-Method", "GET").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "traces.it.test").header("X-Forwarded-Uri", "/open/page").send();
        assertEquals(200, decision.status(), decision.toString());

        List<OtlpReceiver.Received> spans = receiver.await(traceId, t -> names(t).containsAll(List.of(
                "oauth2 token grant", "gateway decision", "gateway authenticator anonymous", "gateway authorizer allow"))
                && t.stream().filter(s -> s.parentSpanId().equals(parent)).count() >= 4);
        Map<String, String> ids = spans.stream().collect(Collectors.toMap(OtlpReceiver.Received::spanId,
                OtlpReceiver.Received::name, (a, b) -> a));
        assertTrue(names(spans).containsAll(List.of("oauth2 token grant", "gateway decision",
                "gateway authenticator anonymous", "gateway authorizer allow", "gateway mutator noop")), names(spans).toString());
        assertTrue(spans.stream().filter(s -> s.parentSpanId().equals(parent)).count() >= 4,
                "a server span per request, each a child of the caller's: " + spans);
        for (OtlpReceiver.Received s : spans) {
            assertTrue(s.parentSpanId().equals(parent) || ids.containsKey(s.parentSpanId()),
                    "every span hangs in the one trace: " + s);
        }
        OtlpReceiver.Received decisionSpan = spans.stream().filter(s -> s.name().equals("gateway decision")).findFirst().orElseThrow();
        assertTrue(spans.stream().filter(s -> s.name().startsWith("gateway authenticator"))
                .allMatch(s -> s.parentSpanId().equals(decisionSpan.spanId())), "each handler a child of the decision");

        Map<String, String> services = Map.of("login", "identity", "oauth2_token_issued", "token-server",
                "gateway_allowed", "gateway");
        for (Map.Entry<String, String> expected : services.entrySet()) {
            JsonObject record = ServerLog.await(r -> traceId.equals(r.getString("trace_id", ""))
                    && r.getString("message", "").contains("\"event\":\"" + expected.getKey() + "\"")).orElseThrow(
                            () -> new AssertionError("no " + expected.getKey() + " log record in trace " + traceId));
            assertEquals(expected.getValue(), record.getString("service_name"), record.toString());
            assertEquals("default", record.getString("tenant_id"), record.toString());
            assertTrue(record.getString("request_id", "").length() > 8, record.toString());
            assertTrue(record.getString("span_id", "").matches("[0-9a-f]{16}"), record.toString());
            assertTrue(spans.stream().anyMatch(s -> s.spanId().equals(record.getString("span_id"))),
                    "the record's span is one of the trace's: " + record);
            assertTrue(record.containsKey("timestamp") && record.containsKey("level"), record.toString());
            assertEquals(expected.getKey(), event(record).getString("event"));
        }
        String whole = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        for (String secret : List.of(password, sessionToken, client.secret(), accessToken)) {
            assertFalse(whole.contains(secret), "a secret of the scenario reached the log");
        }
    }

    private static List<String> names(List<OtlpReceiver.Received> spans) {
        return spans.stream().map(OtlpReceiver.Received::name).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject event(JsonObject record) {
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            return r.readObject();
        }
    }
}
