package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.StartingPostgres;
import dev.gatehouse.it.support.TcpRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL down at start-up and going away later: a clear log line, not ready, no stack-trace loop, and
 * readiness recovers without a restart. The server reaches PostgreSQL through a relay the tests own; it
 * was started with the relay down.
 */
@ExtendWith(ItServerReady.class)
class DatabaseOutageIT {

    @Test
    void startWhenDatabaseDownThenNotReadyOneClearLineThenRecoveredWithoutRestart() throws IOException {
        ItServer server = ItServer.get();
        assumeTrue(server.usesPostgres(), "needs PostgreSQL (the embedded database cannot be down)");

        String before = server.readinessBeforeDatabase();
        assertNotNull(before);
        assertTrue(before.contains("\"status\":\"DOWN\""), before);
        assertTrue(before.contains("\"migrated\":false"), before);

        String log = Files.readString(server.messagesLog(), StandardCharsets.UTF_8);
        long notReadyLines = log.lines().filter(l -> l.contains("Database not ready:")).count();
        assertTrue(notReadyLines >= 1, "no clear line about the database");
        assertTrue(notReadyLines <= 2, "the same failure was logged again and again: " + notReadyLines);
        assertTrue(log.lines().anyMatch(l -> l.contains("Database ready (postgresql): schema version " + dev.gatehouse.it.support.Migrations.latest())), "recovery not logged");
        assertTrue(log.lines().filter(l -> l.contains("Database not ready:")).noneMatch(l -> l.contains("\\tat ")),
                "stack trace in the not-ready line");

        assertEquals(200, server.readinessStatus(), "recovered without a restart");
    }

    @Test
    void runningWhenDatabaseGoesAwayThenNotReadyAndBackWhenItReturns() throws IOException {
        ItServer server = ItServer.get();
        assumeTrue(server.usesPostgres(), "needs PostgreSQL");
        TcpRelay relay = server.databaseRelay();

        relay.stop();
        try {
            Http.Response down = Http.get("/health/ready").send();
            assertEquals(503, down.status(), down.toString());
            assertTrue(down.body().contains("\"reachable\":false"), down.body());
            Http.Response api = Http.get("/admin/tenants").admin().send();
            assertTrue(api.status() >= 500 && api.contentType().startsWith("application/problem+json"), api.toString());
            assertTrue(!api.body().contains("Exception"), api.body());
        } finally {
            relay.start();
        }
        server.awaitReady(Duration.ofSeconds(30));
        assertEquals(200, Http.get("/admin/tenants").admin().send().status());
    }

    @Test
    void runningWhenDatabaseRestartsThenEveryoneGets503Problems() throws Exception {
        ItServer server = ItServer.get();
        assumeTrue(server.usesPostgres(), "needs PostgreSQL");
        TcpRelay relay = server.databaseRelay();
        List<Http> requests = List.of(Http.get("/self-service/login/api"), Http.get("/admin/tenants").admin(),
                Http.get("/.well-known/jwks.json"), Http.get("/ui/selfservice/login.xhtml?flow=" + java.util.UUID.randomUUID()),
                Http.post("/oauth2/token").body("application/x-www-form-urlencoded",
                        "grant_type=client_credentials&client_id=restart".getBytes(StandardCharsets.UTF_8)));

        relay.stop();
        List<Http.Response> answers;
        try (StartingPostgres restarting = new StartingPostgres(relay.port())) {
            ExecutorService pool = Executors.newFixedThreadPool(requests.size());
            try {
                List<Future<Http.Response>> sent = new ArrayList<>();
                requests.forEach(r -> sent.add(pool.submit(r::send)));
                answers = new ArrayList<>();
                for (Future<Http.Response> f : sent) {
                    answers.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            relay.start();
        }
        server.awaitReady(Duration.ofSeconds(30));

        for (Http.Response a : answers) {
            assertEquals(503, a.status(), a.toString());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
            assertTrue(a.jsonObject().getString("type").endsWith("/unavailable"), a.toString());
            assertEquals("5", a.header("Retry-After"), a.toString());
        }
    }
}
