package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.ClusterNodes;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ReplicatedPostgres;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL failover under write load, as docs/operations.md sets it up: a Gatehouse node whose database URL names
 * a primary and its synchronous hot standby ({@code targetServerType=primary}) takes password registrations from
 * several clients at once; the primary crashes; while no primary is reachable every answer is a 503 problem with
 * {@code Retry-After} (never a 500) and readiness is down on the database; the standby is promoted, and the node
 * recovers by itself: ready again and taking writes, with no restart. Every registration it acknowledged, before the
 * crash or after, is there afterwards, and so is a registration flow started before the crash.
 */
@ExtendWith(ItServerReady.class)
class DatabaseFailoverIT {

    private static final String DATABASE = "gatehouse";
    private static final String PASSWORD = "failover passphrase kept 7";
    private static final int WRITERS = 3;
    private static final Duration STEP = Duration.ofSeconds(30);

    private static ReplicatedPostgres postgres;
    private static ClusterNodes node;

    @BeforeAll
    static void startDatabasesAndNode() throws Exception {
        Path programs = ReplicatedPostgres.serverPrograms();
        assumeTrue(programs != null, "needs PostgreSQL's server programs (initdb, pg_basebackup, pg_ctl)");
        ItServer.get();
        long started = System.nanoTime();
        postgres = ReplicatedPostgres.start(programs, Path.of("target", "failover-postgres").toAbsolutePath(), DATABASE);
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.primaryPort() + ",127.0.0.1:" + postgres.standbyPort() + "/" + DATABASE
                + "?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=5";
        node = ClusterNodes.startAlone(Map.of(
                "gatehouse.db.kind", "postgresql",
                "gatehouse.db.url", url,
                "gatehouse.db.user", "postgres",
                "gatehouse.db.password", "",
                "gatehouse.db.migration-retry", "1s"), Duration.ofMinutes(5));
        System.out.println("[failover] primary, synchronous standby and node ready in " + millis(started) + " ms");
    }

    @AfterAll
    static void stopNodeAndDatabases() {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void primaryCrashesUnderWriteLoadWhenStandbyPromotedThen503MeanwhileRecoveredAndNoAcknowledgedWriteLost() throws Exception {
        long began = System.nanoTime();
        JsonObject pending = startRegistration();
        long crashed;
        long notReady;
        long promoted;
        long readyAgain;
        long writingAgain;
        int beforeCrash;
        int unavailable;
        List<Acknowledged> acknowledged;
        try (Writers writers = new Writers(WRITERS)) {
            await("acknowledged registrations before the crash", () -> writers.acknowledged().size() >= 2 * WRITERS);

            postgres.crashPrimary();
            crashed = System.nanoTime();
            beforeCrash = writers.acknowledged().size();

            Http.Response down = awaitAnswer("readiness down on the database", DatabaseFailoverIT::ready, r -> r.status() == 503);
            notReady = System.nanoTime();
            JsonObject database = check(down.jsonObject(), "database");
            assertEquals("DOWN", database.getString("status"), down.toString());
            assertFalse(database.getJsonObject("data").getBoolean("reachable"), down.toString());
            assertUnavailable(Http.get(node.url(0) + "/self-service/registration/api").send());
            assertUnavailable(submit(pending, email()));
            await("the writers answered 503 while there is no primary", () -> writers.count(503) > 0);

            postgres.promoteStandby();
            promoted = System.nanoTime();
            awaitAnswer("readiness up after the promotion", DatabaseFailoverIT::ready, r -> r.status() == 200);
            readyAgain = System.nanoTime();
            int acknowledgedAtPromotion = writers.acknowledged().size();
            await("acknowledged registrations on the promoted primary",
                    () -> writers.acknowledged().size() >= acknowledgedAtPromotion + 2 * WRITERS);
            writingAgain = writers.firstAcknowledgedAfter(promoted);

            Http.Response finished = submit(pending, email());
            assertEquals(200, finished.status(), "a flow started before the crash finishes after it: " + finished);

            writers.stop();
            assertEquals(List.of(), writers.unexpected(), "answers other than 200 or a 503 problem with Retry-After");
            acknowledged = writers.acknowledged();
            unavailable = writers.count(503);
        }

        List<String> missing = new ArrayList<>();
        for (Acknowledged write : acknowledged) {
            Http.Response r = Http.get(node.url(0) + "/admin/identities/" + write.identity()).admin().send();
            if (r.status() != 200) {
                missing.add(write.identity() + " " + r.status());
            }
        }
        try (Connection c = postgres.connect(postgres.standbyPort(), DATABASE); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
            assertTrue(r.next());
            assertFalse(r.getBoolean(1), "the standby was promoted");
        }
        System.out.println("[failover] acknowledged registrations: " + acknowledged.size() + " (" + beforeCrash
                + " before the crash), present afterwards: " + (acknowledged.size() - missing.size()) + "; 503s to the writers: "
                + unavailable + "; readiness down " + (notReady - crashed) / 1_000_000 + " ms after the crash; promoted "
                + (promoted - crashed) / 1_000_000 + " ms after the crash; ready " + (readyAgain - promoted) / 1_000_000
                + " ms and writing " + (writingAgain - promoted) / 1_000_000 + " ms after the promotion; test "
                + millis(began) + " ms");
        assertEquals(List.of(), missing, "acknowledged registrations lost in the failover");
    }

    /** A registration Gatehouse acknowledged (200 with the new identity), and when. */
    private record Acknowledged(String identity, long at) {
    }

    /**
     * Clients registering with a password, each in a loop until stopped: a new registration flow, then its submission.
     * A 503 is retried after a short back-off, as a client honouring {@code Retry-After} would; every other answer
     * than 200 or a well-formed 503 is noted as unexpected.
     */
    private static final class Writers implements AutoCloseable {

        private final List<Thread> threads = new ArrayList<>();
        private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private volatile boolean stopped;

        Writers(int count) {
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::write, "failover-writer-" + i);
                threads.add(t);
                t.start();
            }
        }

        List<Acknowledged> acknowledged() {
            return List.copyOf(acknowledged);
        }

        int count(int status) {
            AtomicInteger n = statuses.get(status);
            return n == null ? 0 : n.get();
        }

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }

        long firstAcknowledgedAfter(long time) {
            return acknowledged.stream().mapToLong(Acknowledged::at).filter(at -> at > time).min().orElseThrow();
        }

        private void write() {
            while (!stopped) {
                try {
                    Http.Response flow = noted(Http.get(node.url(0) + "/self-service/registration/api").send());
                    if (flow.status() == 200) {
                        Http.Response done = noted(submit(flow.jsonObject(), email()));
                        if (done.status() == 200) {
                            String identity = done.jsonObject().getJsonObject("identity").getString("id");
                            acknowledged.add(new Acknowledged(identity, System.nanoTime()));
                            continue;
                        }
                    }
                } catch (UncheckedIOException e) {
                    unexpected.add("no answer: " + e.getCause());
                }
                ItServer.sleep(100);
            }
        }

        private Http.Response noted(Http.Response r) {
            statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
            if (r.status() != 200 && !isUnavailable(r)) {
                unexpected.add(r.toString() + " Retry-After: " + r.header("Retry-After"));
            }
            return r;
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(STEP.toMillis());
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    private static JsonObject startRegistration() {
        Http.Response r = Http.get(node.url(0) + "/self-service/registration/api").send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response submit(JsonObject flow, String email) {
        return Http.post(flow.getJsonObject("ui").getString("action")).json("{\"method\":\"password\",\"password\":\"" + PASSWORD
                + "\",\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Fail\",\"last\":\"Over\"}}}").send();
    }

    private static String email() {
        return "failover-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    private static Http.Response ready() {
        return Http.get(node.url(0) + "/health/ready").send();
    }

    private static boolean isUnavailable(Http.Response r) {
        return r.status() == 503 && r.contentType() != null && r.contentType().startsWith("application/problem+json")
                && r.jsonObject().getString("type", "").endsWith("/unavailable") && r.header("Retry-After") != null;
    }

    private static void assertUnavailable(Http.Response r) {
        assertTrue(isUnavailable(r), "a 503 problem of type unavailable with Retry-After: " + r + " Retry-After: " + r.header("Retry-After"));
        assertFalse(r.body().contains("Exception"), r.body());
    }

    /** The named check of a health answer. */
    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private static void await(String what, BooleanSupplier condition) {
        awaitAnswer(what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Asks until the answer is {@code wanted} and answers it; fails with the last answer after {@link #STEP}. */
    private static <T> T awaitAnswer(String what, Supplier<T> ask, Predicate<T> wanted) {
        long deadline = System.nanoTime() + STEP.toNanos();
        T answer = ask.get();
        while (!wanted.test(answer)) {
            if (System.nanoTime() > deadline) {
                return fail(what + ": not within " + STEP + " (last: " + answer + ")");
            }
            ItServer.sleep(100);
            answer = ask.get();
        }
        return answer;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
