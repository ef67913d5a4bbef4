package dev.gatehouse.it.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.support.ItServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP relay on loopback in front of the test server: every request is passed on to Gatehouse as it came
 * (method, path, query, body and the headers a token or introspection call carries) and the answer passed back.
 * It counts requests per path, so a test can show that the gateway did, or did not, call an endpoint again.
 */
final class CountingRelay implements AutoCloseable {

    private static final List<String> PASSED_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

    CountingRelay() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::relay);
        server.start();
    }

    /** The relay's URL for a path of the test server, e.g. {@code url("/oauth2/token")}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests for {@code path} the relay has passed on so far. */
    int count(String path) {
        AtomicInteger n = byPath.get(path);
        return n == null ? 0 : n.get();
    }

    private void relay(HttpExchange x) throws IOException {
        try (x) {
            URI in = x.getRequestURI();
            byPath.computeIfAbsent(in.getRawPath(), p -> new AtomicInteger()).incrementAndGet();
            String target = ItServer.get().uri(in.getRawPath()) + (in.getRawQuery() == null ? "" : "?" + in.getRawQuery());
            HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                    .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(x.getRequestBody().readAllBytes()));
            for (String name : PASSED_HEADERS) {
                String value = x.getRequestHeaders().getFirst(name);
                if (value != null) {
                    out.header(name, value);
                }
            }
            HttpResponse<byte[]> answer = CLIENT.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(v -> x.getResponseHeaders().add("Content-Type", v));
            byte[] body = answer.body();
            x.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            x.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
