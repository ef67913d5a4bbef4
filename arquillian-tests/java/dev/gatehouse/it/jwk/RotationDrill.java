package dev.gatehouse.it.jwk;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.TestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The key rotation drill: client threads get JWT access tokens (client_credentials) and verify each against the JWKS
 * (fetched again only when a token names a kid they have not seen, as a relying party does) while the access-token
 * set is rotated under them through the admin API. Every failure is recorded, none expected.
 */
final class RotationDrill {

    static final String ACCESS_SET = "hydra.jwt.access-token";

    private RotationDrill() {
    }

    /** What the drill saw: tokens verified, the kids they carried, and every failure in words. */
    record Result(int verified, Set<String> kids, int rotations, List<String> failures, Duration took) {
        @Override
        public String toString() {
            return verified + " tokens verified across " + kids.size() + " keys and " + rotations + " rotations in "
                    + took.toMillis() + " ms, " + failures.size() + " failures";
        }
    }

    /**
     * Runs {@code threads} clients of {@code client} in the tenant at {@code prefix} (URLs made by {@code url}) and
     * rotates {@code rotations} times, each after every client has verified a few more tokens.
     */
    static Result run(UnaryOperator<String> url, String prefix, TestClient client, int threads, int rotations) {
        accessToken(url, prefix, client);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger verified = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> kids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                clients.add(pool.submit(() -> {
                    JWKSet cached = jwks(url, prefix);
                    while (!stop.get()) {
                        try {
                            SignedJWT jwt = SignedJWT.parse(accessToken(url, prefix, client));
                            String kid = jwt.getHeader().getKeyID();
                            if (cached.getKeyByKeyId(kid) == null) {
                                cached = jwks(url, prefix);
                            }
                            JWK key = cached.getKeyByKeyId(kid);
                            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                                failures.add(kid + (key == null ? " not in the JWKS" : " does not verify"));
                            } else {
                                verified.incrementAndGet();
                                kids.add(kid);
                            }
                        } catch (Exception | AssertionError e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < rotations; r++) {
                awaitMore(verified, verified.get() + threads * 3);
                rotate(url, prefix);
            }
            awaitMore(verified, verified.get() + threads * 3);
            stop.set(true);
            for (Future<?> f : clients) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        return new Result(verified.get(), Set.copyOf(kids), rotations, List.copyOf(failures),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitMore(AtomicInteger counter, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the drill's clients stalled at " + counter.get() + " tokens");
            }
            Thread.sleep(20);
        }
    }

    static String accessToken(UnaryOperator<String> url, String prefix, TestClient client) {
        String basic = Base64.getEncoder().encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        Http.Response r = Http.post(url.apply(prefix + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("access_token");
    }

    static JWKSet jwks(UnaryOperator<String> url, String prefix) {
        Http.Response r = Http.get(url.apply(prefix + "/.well-known/jwks.json")).send();
        assertEquals(200, r.status(), r.toString());
        try {
            return JWKSet.parse(r.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static void rotate(UnaryOperator<String> url, String prefix) {
        Http.Response created = Http.post(url.apply(prefix + "/admin/keys/" + ACCESS_SET)).admin()
                .json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send();
        assertEquals(201, created.status(), created.toString());
    }
}
