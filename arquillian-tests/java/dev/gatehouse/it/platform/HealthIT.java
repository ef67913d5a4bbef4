package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(ItServerReady.class)
class HealthIT {

    @Test
    void readyWhenDatabaseMigratedThenUpWithDatabaseCheck() {
        Http.Response r = Http.get("/health/ready").send();

        assertEquals(200, r.status(), r.toString());
        JsonObject body = r.jsonObject();
        assertEquals("UP", body.getString("status"));
        JsonObject db = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", db.getString("status"));
        assertTrue(db.getJsonObject("data").getBoolean("migrated"));
        assertEquals(dev.gatehouse.it.support.Migrations.latest(), db.getJsonObject("data").getString("schema_version"));
    }

    @Test
    void readyWhenUpThenNamesEachDependency() {
        JsonObject body = Http.get("/health/ready").send().jsonObject();

        List<String> names = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        assertTrue(names.containsAll(List.of("database", "migrations", "signing-keys")), names.toString());
        assertEquals("UP", check(body, "signing-keys").getString("status"), body.toString());
        assertEquals(dev.gatehouse.it.support.Migrations.latest(),
                check(body, "migrations").getJsonObject("data").getString("schema_version"));
    }

    @Test
    void startedWhenMigrationsAppliedThenUpApartFromLiveness() {
        Http.Response r = Http.get("/health/started").send();

        assertEquals(200, r.status(), r.toString());
        JsonObject body = r.jsonObject();
        assertEquals("UP", check(body, "migrations").getString("status"), body.toString());
        assertTrue(body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("name").equals("requests")), "the startup probe is not the liveness probe");
    }

    @Test
    void liveThenUp() {
        Http.Response r = Http.get("/health/live").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("UP", r.jsonObject().getString("status"));
    }

    /**
     * A wedged request path: requests that cannot finish (here: blocked on a table another connection holds locked,
     * as requests blocked on a log write hold their connections) pile up. The test server calls a request stuck
     * after 2 s (gatehouse.health.stuck-after) and the path wedged at 3 stuck requests.
     */
    @Test
    void liveWhenRequestsPileUpStuckThenDownAndUpAgainOnceTheyFinish() throws Exception {
        ItServer server = ItServer.get();
        assumeTrue(server.usesPostgres(), "needs PostgreSQL's table locks");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> stuck;
        try (Connection db = DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
             Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            s.execute("LOCK TABLE selfservice_flow IN ACCESS EXCLUSIVE MODE");
            stuck = IntStream.range(0, 3).mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(
                    server.uri("/self-service/login/api")).build(), HttpResponse.BodyHandlers.ofString())).toList();

            // Liberty lists the checks of every application in the server: a second test application has its own
            JsonObject down = awaitLive(503);
            assertTrue(checks(down, "requests").stream().anyMatch(c -> "DOWN".equals(c.getString("status"))
                    && c.getJsonObject("data").getInt("stuck") >= 3), down.toString());
            db.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> r : stuck) {
            assertEquals(200, r.get(30, TimeUnit.SECONDS).statusCode(), "the stuck requests finish once the lock is gone");
        }
        JsonObject up = awaitLive(200);
        assertTrue(checks(up, "requests").stream().allMatch(c -> "UP".equals(c.getString("status"))), up.toString());
    }

    private static List<JsonObject> checks(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).toList();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(health.toString()));
    }

    /** Polls /health/live until it answers {@code status} (at most 30 s), and returns that answer. */
    private static JsonObject awaitLive(int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Response r;
        do {
            r = Http.get("/health/live").send();
            if (r.status() == status) {
                return r.jsonObject();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return fail("/health/live never answered " + status + ": " + r);
    }

    @Test
    void versionThenJsonWithVersion() {
        Http.Response r = Http.get("/version").send();

        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("gatehouse", r.jsonObject().getString("name"));
        assertTrue(r.jsonObject().getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), r.body());
    }
}
