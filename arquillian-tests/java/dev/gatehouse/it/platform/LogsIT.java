package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reaches the server log: JSON lines, security events with request id and tenant, and no secrets.
 * Reads the server's messages.log the way Loki or ELK would.
 */
@ExtendWith(ItServerReady.class)
class LogsIT {

    @Test
    void messagesLogWhenWrittenThenEveryRecordAfterLibertysBannerIsJson() throws IOException {
        List<String> all = Files.readAllLines(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        // Liberty starts every log file with a plain-text banner (product, java, process); records follow
        List<String> lines = all.stream().dropWhile(l -> !l.startsWith("{")).toList();

        assertTrue(lines.size() > 10, "records logged: " + lines.size());
        for (String line : lines) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), "not a JSON line: " + line);
        }
    }

    @Test
    void adminFailureWhenWrongKeyThenSecurityEventLoggedWithRequestIdAndTenantButNotTheKey() throws IOException {
        String requestId = "logs-it-" + UUID.randomUUID();
        String secret = "never-log-this-" + UUID.randomUUID();

        Http.get("/t/acme/admin/tenants").header("X-Request-ID", requestId)
                .header("Authorization", "Bearer " + secret).header("Cookie", "gh_session=" + secret).send();

        JsonObject record = ServerLog.await(r -> r.getString("message", "").contains(requestId)
                && r.getString("module", "").equals("gatehouse.security")).orElseThrow();
        JsonObject event;
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            event = r.readObject();
        }
        assertEquals("admin_authentication_failed", event.getString("event"));
        assertEquals("denied", event.getString("outcome"));
        assertEquals("acme", event.getString("tenant"));
        assertEquals(requestId, event.getString("request_id"));
        assertEquals("wrong credential", event.getJsonObject("details").getString("reason"));
        assertEquals(requestId, record.getString("request_id"), "request id on the log record itself");
        assertEquals("acme", record.getString("tenant_id"), "tenant on the log record itself");
        String whole = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        assertFalse(whole.contains(secret), "a presented credential reached the log");
    }

    @Test
    void signInWhenIdentifierIsHugeThenEveryLogLineStaysUnder2KiBAndTheServerKeepsAnswering() throws IOException {
        long logSizeBefore = Files.size(ItServer.get().messagesLog());
        String requestId = "logs-it-huge-" + UUID.randomUUID();
        // the largest identifier the server takes in (the test server refuses bodies over 64 KiB)
        String huge = "a".repeat(65_000) + "@example.test";

        Http.Response signIn = login(huge, requestId, "Mozilla/5.0 " + "b".repeat(10_000));
        Http.Response refused = login("c".repeat(1_048_576) + "@example.test", "logs-it-1mb-" + UUID.randomUUID(), "curl/8");

        assertTrue(signIn.status() >= 400 && signIn.status() < 500, signIn.status() + " for a wrong sign-in");
        assertEquals(413, refused.status(), "a megabyte is over the body limit");
        JsonObject record = ServerLog.await(r -> r.getString("message", "").contains(requestId)
                && r.getString("module", "").equals("gatehouse.security")).orElseThrow();
        JsonObject event;
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            event = r.readObject();
        }
        assertEquals("login_failed", event.getString("event"));
        assertEquals("a".repeat(64) + "…[" + huge.length() + " chars]", event.getJsonObject("details").getString("identifier"),
                "a short prefix and the original length");
        assertTrue(event.getString("user_agent").length() < 300, "user agent bounded");
        for (String line : linesAfter(logSizeBefore)) {
            if (line.contains("\"module\":\"io.opentelemetry.exporter.")) {
                // the span exporter's own failure, a stack trace once a minute while no collector listens (none
                // does outside the tracing tests): not a line this request wrote
                continue;
            }
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length < 2048,
                    "log line of " + line.length() + " characters: " + line.substring(0, Math.min(200, line.length())));
        }
        assertEquals(200, Http.get("/health/live").send().status(), "still live");
        assertEquals(200, Http.get("/self-service/login/api").send().status(), "still serving");
    }

    private static Http.Response login(String identifier, String requestId, String userAgent) {
        Http.Response flow = Http.get("/self-service/login/api").send();
        assertEquals(200, flow.status(), flow.toString());
        String action = flow.jsonObject().getJsonObject("ui").getString("action");
        String body = Json.createObjectBuilder().add("method", "password").add("identifier", identifier)
                .add("password", "not the password").build().toString();
        return Http.post(action.substring(action.indexOf('/', action.indexOf("//") + 2))).header("X-Request-ID", requestId)
                .header("User-Agent", userAgent).json(body).send();
    }

    private static List<String> linesAfter(long offset) throws IOException {
        byte[] all = Files.readAllBytes(ItServer.get().messagesLog());
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8)
                .lines().toList();
    }

    @Test
    void tenantCreatedWhenByAdminThenEventNamesActorAndSubject() throws IOException {
        String id = "log-" + UUID.randomUUID().toString().substring(0, 8);

        Http.post("/admin/tenants").admin().json("{\"id\":\"" + id + "\"}").send();

        JsonObject record = ServerLog.await(r -> r.getString("message", "").contains("\"tenant_created\"")
                && r.getString("message", "").contains(id)).orElseThrow();
        assertTrue(record.getString("message").contains("\"actor\":\"admin-api-key\""), record.toString());
        String whole = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        assertFalse(whole.contains(ItServer.get().adminKey()), "the admin key reached the log");
    }
}
