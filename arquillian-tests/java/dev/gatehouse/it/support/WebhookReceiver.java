package dev.gatehouse.it.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server that receives webhooks for a test, on a loopback port: it records every request (headers, body,
 * the status it answered) and answers 200, or the statuses queued with {@link #answerNext}. {@link SmsGatewayStub}
 * is one on the SMS gateway's port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received; header names in lower case, the first value of each. */
    public record Request(String method, String path, java.util.Map<String, String> headers, String body, int answered) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free loopback port, taking requests on every path. */
    public static WebhookReceiver start() {
        return start(0, "/");
    }

    /** Starts a receiver on this loopback port (0: a free one), taking requests below {@code path}. */
    public static WebhookReceiver start(int port, String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext(path, exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Integer queued = receiver.statuses.poll();
                int status = queued == null ? 200 : queued;
                java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                receiver.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                        new String(body, StandardCharsets.UTF_8), status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the server should post: {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order; then 200 again. */
    public void answerNext(int... codes) {
        for (int c : codes) {
            statuses.add(c);
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits (up to {@code timeout}) until {@code count} requests arrived; answers all received by then. */
    public List<Request> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (requests.size() < count) {
            throw new AssertionError("expected " + count + " webhook(s), got " + requests.size() + ": " + requests);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
