package dev.gatehouse.kernel.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real JDK HTTP server: a server that sends headers and then stalls, or sends too much, cannot hold us. */
class BoundedExchangeTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/small", x -> {
            byte[] b = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.createContext("/stall", x -> {
            x.sendResponseHeaders(200, 1000);
            OutputStream out = x.getResponseBody();
            out.write('{');
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.createContext("/big", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(new byte[256 * 1024]);
            } catch (java.io.IOException ignoredClientWentAway) {
                // the caller stops reading at its limit
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpRequest get(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(timeout).GET().build();
    }

    @Test
    void sendWhenAnswerSmallThenWholeBody() throws Exception {
        BoundedExchange.Answer a = BoundedExchange.send(client, get("/small", Duration.ofSeconds(10)), 1024, Duration.ofSeconds(10));

        assertEquals(200, a.status());
        assertFalse(a.tooLarge());
        assertArrayEquals("{\"keys\":[]}".getBytes(StandardCharsets.UTF_8), a.body());
    }

    @Test
    void sendWhenServerStallsAfterHeadersThenTimesOutAtTheDeadline() {
        long start = System.nanoTime();

        assertThrows(HttpTimeoutException.class, () -> BoundedExchange.send(client, get("/stall", Duration.ofMillis(500)), 1024, Duration.ofMillis(500)));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 3000, "bounded by the deadline, took " + tookMs + " ms");
    }

    @Test
    void sendWhenBodyLargerThanLimitThenCutAndFlagged() throws Exception {
        BoundedExchange.Answer a = BoundedExchange.send(client, get("/big", Duration.ofSeconds(10)), 1024, Duration.ofSeconds(10));

        assertTrue(a.tooLarge());
        assertEquals(1024, a.body().length);
    }
}
