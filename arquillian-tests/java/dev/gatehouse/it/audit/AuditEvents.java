package dev.gatehouse.it.audit;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the audit tests do over and over: a refused admin call that leaves one row, reading the tenant's events (once
 * the writer has moved them), verifying its chain, and the server's database for rows changed behind its back.
 */
final class AuditEvents {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private AuditEvents() {
    }

    /** A refused admin call in the tenant: one admin_authentication_failed row whose details name the path. */
    static Http.Response refusedAdminCall(String prefix, String path, String userAgent, String requestId) {
        Http h = Http.get(prefix + "/admin/probe/" + path).header("Authorization", "Bearer not-the-key-not-the-key-123");
        if (userAgent != null) {
            h.header("User-Agent", userAgent);
        }
        if (requestId != null) {
            h.header("X-Request-ID", requestId);
        }
        Http.Response r = h.send();
        assertEquals(401, r.status(), r.toString());
        return r;
    }

    static Http.Response get(String prefix, String query) {
        return Http.get(prefix + "/admin/audit/events" + (query.isEmpty() ? "" : "?" + query)).admin().send();
    }

    static JsonArray events(String prefix, String query) {
        Http.Response r = get(prefix, query);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getJsonArray("events");
    }

    /** The events of the query once at least {@code n} are there (the writer moves them within a moment). */
    static JsonArray awaitEvents(String prefix, String query, int n) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            JsonArray events = events(prefix, query);
            if (events.size() >= n || Instant.now().isAfter(deadline)) {
                return events;
            }
            pause(100);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream().map(e -> e.getJsonNumber("id").toString()).toList();
    }

    static String field(Http.Response r) {
        return r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    static JsonObject verify(String prefix) {
        Http.Response r = Http.get(prefix + "/admin/audit/verify").admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    static Connection db() throws SQLException {
        ItServer s = ItServer.get();
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
    }
}
