package dev.gatehouse.it.platform;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.TestBrowser;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.ConnectionPool;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load beyond the database connection pool: three times more concurrent password sign-ins of one user, JWT
 * {@code client_credentials} grants and refreshes than the server has connections, in rounds, with the signing
 * keys' cache cold. A request that needs a second connection while it holds one, or that holds one across a
 * password hash or a signature, starves the pool: requests then wait out the pool's 10 s connection time-out
 * (J2CA0045E) and fail. Here every request gets its answer, none waits out the time-out, and afterwards every
 * connection is back in the pool. How long a round takes depends on the machine (a sign-in is an Argon2 hash);
 * the rounds' times are printed, and bounded only by the client's 30 s.
 */
@ExtendWith(ItServerReady.class)
class ConnectionPoolIT {

    private static final int ROUNDS = 3;
    private static final String PASSWORD = "pool load passphrase 41";

    private static int concurrent() {
        return 3 * ItServer.get().poolMax();
    }

    /**
     * A connection a request kept stays out for good; the background jobs of the server's applications (audit
     * writer, alerts, courier, retention) borrow one now and then, and on a busy machine for longer: so this waits
     * for a moment with none out, up to 30 s.
     */
    @AfterEach
    void everyConnectionBackInThePool() {
        ConnectionPool.Snapshot pool = ConnectionPool.awaitIdle(Duration.ofSeconds(30));
        assertEquals(0, pool.inUse(), "connections still held after the load: " + pool.contents());
        assertEquals(0, ConnectionPool.awaitNoIdleTransactions(Duration.ofSeconds(30)), "transactions left open");
        assertEquals(200, ItServer.get().readinessStatus(), ItServer.get().readinessBody());
    }

    @Test
    void signInWhenThreeTimesMoreConcurrentThanConnectionsThenEveryOneSignedInAndNoneWaitsOutThePool() {
        String prefix = "/t/" + TestTenants.create("pool");
        String email = "pool-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertEquals(200, ApiFlows.register(prefix, email, PASSWORD).status());

        for (int round = 1; round <= ROUNDS; round++) {
            Burst burst = Burst.of(concurrent(), i -> ApiFlows.login(prefix, email, PASSWORD));

            burst.assertAll("sign-in round " + round, 200, json -> json.getString("session_token", "").startsWith("ory_st_"));
        }
    }

    @Test
    void signInFloodWhileRunningThenEndpointsThatReadTheDatabaseKeepAnswering() throws Exception {
        String prefix = "/t/" + TestTenants.create("pool");
        String email = "pool-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertEquals(200, ApiFlows.register(prefix, email, PASSWORD).status());
        ExecutorService flooder = Executors.newSingleThreadExecutor();
        try {
            Future<Burst> flood = flooder.submit(() -> Burst.of(concurrent(), i -> ApiFlows.login(prefix, email, PASSWORD)));
            // readiness reads the database; the sign-ins wait their turn for a hash, holding no connection meanwhile
            List<Integer> answeredDuringTheFlood = new ArrayList<>();
            while (!flood.isDone()) {
                int status = ItServer.get().readinessStatus();
                if (!flood.isDone()) {
                    answeredDuringTheFlood.add(status);
                }
            }

            flood.get(120, TimeUnit.SECONDS).assertAll("sign-in flood", 200,
                    json -> json.getString("session_token", "").startsWith("ory_st_"));
            System.out.println("[pool] readiness during the sign-in flood: " + answeredDuringTheFlood);
            assertFalse(answeredDuringTheFlood.isEmpty(), "no readiness answer came while the sign-ins were under way");
            assertEquals(List.of(200), answeredDuringTheFlood.stream().distinct().toList(),
                    "readiness while " + concurrent() + " sign-ins were under way");
        } finally {
            flooder.shutdownNow();
        }
    }

    @Test
    void clientCredentialsWhenJwtAndKeysColdAndThreeTimesMoreConcurrentThanConnectionsThenEveryTokenIssuedAndNoneWaitsOutThePool() {
        String prefix = "/t/" + TestTenants.create("pool");
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();
        String basic = "Basic " + Base64.getEncoder().encodeToString((enc(client.id()) + ":" + enc(client.secret()))
                .getBytes(StandardCharsets.UTF_8));

        for (int round = 1; round <= ROUNDS; round++) {
            // round 1 creates the tenant's first key; before the others a new key makes the node read the set again
            if (round > 1) {
                newSigningKey(prefix, "hydra.jwt.access-token");
            }
            Burst burst = Burst.of(concurrent(), i -> Http.post(prefix + "/oauth2/token").header("Authorization", basic)
                    .body("application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8))
                    .send());

            burst.assertAll("client_credentials round " + round, 200,
                    json -> json.getString("access_token", "").split("\\.").length == 3);
        }
    }

    @Test
    void refreshWhenJwtAndKeysColdAndThreeTimesMoreConcurrentThanConnectionsThenEveryTokenRotatedAndNoneWaitsOutThePool() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().accessTokenStrategy("jwt").create();
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < concurrent(); i++) {
            refreshTokens.add(offlineTokens(client).getRefreshToken().getValue());
        }

        for (int round = 1; round <= ROUNDS; round++) {
            newSigningKey("", "hydra.jwt.access-token");
            newSigningKey("", "hydra.openid.id-token");
            List<String> presented = List.copyOf(refreshTokens);
            Burst burst = Burst.of(presented.size(), i -> Http.post("/oauth2/token").body("application/x-www-form-urlencoded",
                    ("grant_type=refresh_token&client_id=" + enc(client.id()) + "&refresh_token=" + enc(presented.get(i)))
                            .getBytes(StandardCharsets.UTF_8)).send());

            burst.assertAll("refresh round " + round, 200, json -> json.getString("refresh_token", "").startsWith("ory_rt_")
                    && json.getString("id_token", "").split("\\.").length == 3);
            for (int i = 0; i < presented.size(); i++) {
                refreshTokens.set(i, burst.answers().get(i).json().getString("refresh_token"));
            }
        }
    }

    private static OIDCTokens offlineTokens(AuthorizeClients.Client client) {
        TestBrowser browser = new TestBrowser();
        Authorizations.Started started = Authorizations.request(client, b -> b.scope(new Scope("openid", "offline_access")));
        String afterLogin = Authorizations.acceptLogin(Authorizations.loginChallenge(browser, started), "{\"subject\":\"pool-user\"}");
        return Authorizations.redeemed(client, started, Authorizations.location(browser.get(afterLogin)));
    }

    /** Hydra's way to rotate: a new key signs from now on, and this node reads the set again at the next signature. */
    private static void newSigningKey(String prefix, String set) {
        Http.Response r = Http.post(prefix + "/admin/keys/" + set).admin().json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send();
        assertEquals(201, r.status(), r.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One answer of a burst: its status and body, or what went wrong on the way ({@code status} -1). */
    private record Answer(int status, String body, long millis) {

        JsonObject json() {
            return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
        }
    }

    /**
     * {@code n} calls released at the same moment, each on its own thread, and what each got.
     *
     * @param poolTimeouts how many times meanwhile a request waited out the pool's connection time-out
     */
    private record Burst(List<Answer> answers, long millis, long poolTimeouts) {

        static Burst of(int n, IntFunction<Http.Response> call) {
            long timeoutsBefore = timeoutsLogged();
            ExecutorService threads = Executors.newFixedThreadPool(n);
            try {
                CountDownLatch ready = new CountDownLatch(n);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int index = i;
                    futures.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        long t0 = System.nanoTime();
                        try {
                            Http.Response r = call.apply(index);
                            return new Answer(r.status(), r.body(), elapsed(t0));
                        } catch (RuntimeException | AssertionError e) {
                            return new Answer(-1, String.valueOf(e), elapsed(t0));
                        }
                    }));
                }
                ready.await();
                long t0 = System.nanoTime();
                go.countDown();
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> f : futures) {
                    answers.add(f.get(60, TimeUnit.SECONDS));
                }
                return new Burst(answers, elapsed(t0), timeoutsLogged() - timeoutsBefore);
            } catch (Exception e) {
                throw new IllegalStateException("the burst did not finish", e);
            } finally {
                threads.shutdownNow();
            }
        }

        void assertAll(String what, int status, Predicate<JsonObject> good) {
            List<Long> times = answers.stream().map(Answer::millis).sorted().toList();
            String summary = what + ": " + answers.size() + " requests in " + millis + " ms, p50 " + times.get(times.size() / 2)
                    + " ms, max " + times.get(times.size() - 1) + " ms";
            System.out.println("[pool] " + summary);
            for (Answer a : answers) {
                assertEquals(status, a.status(), summary + "; " + a);
                assertTrue(good.test(a.json()), summary + "; " + a);
            }
            assertEquals(0, poolTimeouts, summary + ": requests waited out the pool's connection time-out (J2CA0045E)");
        }

        private static long timeoutsLogged() {
            return ServerLog.records().stream().filter(r -> r.getString("message", "").contains("J2CA0045E")).count();
        }
    }

    private static long elapsed(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
