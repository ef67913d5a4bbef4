package dev.gatehouse.it.platform;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import dev.gatehouse.it.support.ClusterNodes;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Mailbox;
import dev.gatehouse.it.support.Migrations;
import dev.gatehouse.it.support.PreviousRelease;
import dev.gatehouse.it.support.RoundRobinBalancer;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.platform.db.Releases;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A rolling upgrade for real (docs/operations.md#upgrades): the newest release recorded in
 * {@code db/releases.properties}, built from its commit, runs as a node on a fresh database, which it migrates to
 * its own last migration, and serves; then a node of this build starts on the same database and migrates it to the
 * latest migration under the running old node; from then on both serve behind a round-robin balancer, every step
 * on the other node than the step before. The old code must keep serving on the new schema and on what the new code
 * writes, with nothing in its log above INFO.
 */
@ExtendWith(ItServerReady.class)
class RollingUpgradeIT {

    private static final String PASSWORD = "rolling upgrade passphrase 5";
    private static final Set<String> TROUBLE = Set.of("WARNING", "SEVERE", "ERROR", "FATAL");

    /** The SMTP server both nodes' couriers deliver the sign-ups' verification mail to. */
    @RegisterExtension
    final Mailbox mail = new Mailbox();

    @Test
    void previousReleaseWhenTheNewOneMigratesBesideItThenBothServeSignUpSignInAndTokens() throws Exception {
        ItServer it = ItServer.get();
        assumeTrue(it.usesPostgres(), "a rolling upgrade is a PostgreSQL deployment's");
        Releases.Release release = Releases.latest();
        long started = System.nanoTime();
        Path oldWar = PreviousRelease.war(release);
        String database = databaseName(it) + "_upgrade";
        sql(it.jdbcUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        sql(it.jdbcUrl(), "CREATE DATABASE " + database);
        String url = it.jdbcUrl().substring(0, it.jdbcUrl().lastIndexOf('/') + 1) + database;
        try (RoundRobinBalancer balancer = new RoundRobinBalancer();
             ClusterNodes old = ClusterNodes.start(List.of(new ClusterNodes.Node("release-" + release.name(), oldWar, url)),
                     balancer.baseUrl(), Map.of(), Duration.ofMinutes(5))) {
            System.out.println("[upgrade] release " + release.name() + " serving after "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            assertEquals(String.valueOf(release.lastMigration()), schemaVersion(url), "the old code migrates to its own last migration");
            balancer.balance(old.ports());
            Journey before = journey(balancer.baseUrl(), null);

            long oldLogLines = Files.readAllLines(old.messagesLog(0)).size();
            Traffic during = new Traffic(old.url(0), before.sessionToken());
            try (during; ClusterNodes current = ClusterNodes.start(List.of(new ClusterNodes.Node("current",
                    it.serverDir().resolve("apps").resolve("gatehouse.war"), url)), balancer.baseUrl(), Map.of(), Duration.ofMinutes(5))) {
                assertEquals(Migrations.latest(), schemaVersion(url), "the new code migrated the schema under the old");
                during.close();
                assertTrue(during.served() > 0 && during.failures().isEmpty(), "the old node while the new one started and migrated: "
                        + during.served() + " served, failed: " + during.failures());
                balancer.balance(List.of(old.ports().get(0), current.ports().get(0)));
                int from = balancer.served().size();

                Journey after = journey(balancer.baseUrl(), before);
                // and the journey of each release's code, started over: new data read by old code and the other way round
                journey(balancer.baseUrl(), after);

                List<Integer> served = balancer.served().subList(from, balancer.served().size()).stream()
                        .map(RoundRobinBalancer.Served::node).toList();
                for (int i = 1; i < served.size(); i++) {
                    assertNotEquals(served.get(i - 1), served.get(i), "consecutive steps on one node: " + served);
                }
                assertEquals(2, served.stream().distinct().count(), served.toString());
                List<String> trouble = trouble(old.messagesLog(0), oldLogLines);
                assertTrue(trouble.isEmpty(), "the old node's log since the new schema:\n" + String.join("\n", trouble));
                System.out.println("[upgrade] " + served.size() + " requests through the balancer after the migration, "
                        + java.util.Arrays.toString(balancer.countsByNode()) + " by node (old, new); the whole test "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            }
        } finally {
            sql(it.jdbcUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /**
     * Requests to one node, one after another, until closed: a session check and a new sign-in flow, each must answer
     * 200.
     */
    private static final class Traffic implements AutoCloseable {

        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;

        Traffic(String node, String sessionToken) {
            thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        check(Http.get(node + "/sessions/whoami").header("X-Session-Token", sessionToken).send());
                        check(Http.get(node + "/self-service/login/api").send());
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "upgrade-traffic");
            thread.setDaemon(true);
            thread.start();
        }

        private void check(Http.Response r) {
            served.incrementAndGet();
            if (r.status() != 200) {
                failures.add(r.toString());
            }
        }

        int served() {
            return served.get();
        }

        List<String> failures() {
            return failures;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** What a journey leaves behind for the next one: an identity's address and a session token. */
    private record Journey(String email, String sessionToken) {
    }

    /**
     * Sign-up, sign-in, the session, a client registered and its {@code client_credentials} token introspected; and
     * with {@code earlier}, that journey's identity signs in again and its session is still valid.
     */
    private static Journey journey(String base, Journey earlier) throws Exception {
        String email = "upgrade-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        Http.Response registered = submit(flow(base, "registration"), "{\"method\":\"password\",\"password\":\"" + PASSWORD
                + "\",\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Rolling\",\"last\":\"Upgrade\"}}}");
        assertEquals(200, registered.status(), registered.toString());
        String identity = registered.jsonObject().getJsonObject("identity").getString("id");

        Http.Response signedIn = signIn(base, email);
        String token = signedIn.jsonObject().getString("session_token");
        Http.Response me = Http.get(base + "/sessions/whoami").header("X-Session-Token", token).send();
        assertEquals(200, me.status(), me.toString());
        assertEquals(identity, me.jsonObject().getJsonObject("identity").getString("id"));

        if (earlier != null) {
            assertEquals(200, signIn(base, earlier.email()).status());
            Http.Response still = Http.get(base + "/sessions/whoami").header("X-Session-Token", earlier.sessionToken()).send();
            assertEquals(200, still.status(), "a session from before: " + still);
        }

        TestClient client = TestClients.confidential().on(base).create();
        URI endpoint = URI.create(base + "/oauth2/token");
        TokenResponse issued = TokenResponse.parse(new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                .build().toHTTPRequest().send());
        assertTrue(issued.indicatesSuccess(), () -> issued.toErrorResponse().getErrorObject().toString());
        Http.Response introspected = Http.post(base + "/admin/oauth2/introspect").admin().body("application/x-www-form-urlencoded",
                ("token=" + URLEncoder.encode(issued.toSuccessResponse().getTokens().getAccessToken().getValue(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, introspected.status(), introspected.toString());
        assertTrue(introspected.jsonObject().getBoolean("active"), introspected.toString());
        assertEquals(client.id(), introspected.jsonObject().getString("client_id"));
        return new Journey(email, token);
    }

    private static Http.Response signIn(String base, String email) {
        Http.Response r = submit(flow(base, "login"),
                "{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    private static JsonObject flow(String base, String kind) {
        Http.Response r = Http.get(base + "/self-service/" + kind + "/api").send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response submit(JsonObject flow, String json) {
        return Http.post(flow.getJsonObject("ui").getString("action")).json(json).send();
    }

    /** The JSON records above INFO in a node's log after its first {@code skip} lines. */
    private static List<String> trouble(Path log, long skip) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().skip(skip).filter(l -> l.startsWith("{")).filter(l -> {
            try (JsonReader r = Json.createReader(new StringReader(l))) {
                return TROUBLE.contains(r.readObject().getString("level", ""));
            }
        }).toList();
    }

    private static String schemaVersion(String url) throws SQLException {
        ItServer it = ItServer.get();
        try (Connection c = DriverManager.getConnection(url, it.jdbcUser(), it.jdbcPassword()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            assertTrue(rs.next(), "no migration recorded");
            return rs.getString(1);
        }
    }

    private static String databaseName(ItServer it) {
        return it.jdbcUrl().substring(it.jdbcUrl().lastIndexOf('/') + 1);
    }

    private static void sql(String url, String statement) throws SQLException {
        ItServer it = ItServer.get();
        try (Connection c = DriverManager.getConnection(url, it.jdbcUser(), it.jdbcPassword()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
