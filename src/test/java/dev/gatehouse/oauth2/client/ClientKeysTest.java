package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching a client's {@code jwks_uri}: bounded in size, time and cache, public parts only, no redirects. */
class ClientKeysTest {

    static RSAKey key;

    private HttpServer server;
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final ClientKeys keys = new ClientKeys(Duration.ofSeconds(2), Duration.ofMinutes(5), 2,
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void generate() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k").generate();
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body = switch (path) {
                case "/private" -> new JWKSet(key).toString(false).getBytes(StandardCharsets.UTF_8);
                case "/huge" -> ("{\"keys\":[],\"pad\":\"" + "x".repeat(ClientKeys.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
                default -> new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            };
            if (path.equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Optional<JWKSet> of(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return keys.of(TestClients.client("c", TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), Optional.of(uri)), false);
    }

    private int fetched(String path) {
        return fetches.getOrDefault(path, new AtomicInteger()).get();
    }

    @Test
    void ofWhenServedSetHoldsPrivateKeyThenOnlyItsPublicPartKept() {
        JWKSet set = of("/private").orElseThrow();

        assertEquals(1, set.getKeys().size());
        assertFalse(set.getKeys().get(0).isPrivate());
    }

    @Test
    void ofWhenBodyLargerThanLimitOrRedirectThenNoKeysAndRedirectNotFollowed() {
        assertTrue(of("/huge").isEmpty());
        assertTrue(of("/redirect").isEmpty());
        assertEquals(0, fetched("/elsewhere"));
    }

    @Test
    void ofWhenMoreSetsThanTheCacheHoldsThenLeastRecentlyUsedFetchedAgain() {
        of("/a");
        of("/b");
        of("/a");
        assertEquals(1, fetched("/a"), "cached");

        of("/c");
        of("/b");

        assertEquals(2, fetched("/b"), "b was the least recently used of the two kept, so it was dropped for c");
        assertEquals(1, fetched("/a"));
    }
}
