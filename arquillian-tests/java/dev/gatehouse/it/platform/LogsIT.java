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
        assertEquals(requestId, record.getString("ext_requestId"), "request id on the log record itself");
        assertEquals("acme", record.getString("ext_tenant"), "tenant on the log record itself");
        String whole = Files.readString(ItServer.get().messagesLog(), StandardCharsets.UTF_8);
        assertFalse(whole.contains(secret), "a presented credential reached the log");
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
