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
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HTTP SMS gateway for the tests, on the port the server's {@code gatehouse.courier.sms.url} points to: it records
 * every request (method, path, API key header, body) and answers 200, or the statuses queued with {@link #answerNext}.
 */
public final class SmsGatewayStub implements AutoCloseable {

    /** One request as the gateway received it, with the status it answered. */
    public record Request(String method, String path, String apiKey, String contentType, String body, int answered) {

        /** The body as JSON (the server's jsonnet template makes it). */
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

    private SmsGatewayStub(HttpServer server) {
        this.server = server;
    }

    /** Starts the gateway on the server's SMS port. */
    public static SmsGatewayStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ItServer.get().smsPort()), 0);
            SmsGatewayStub stub = new SmsGatewayStub(server);
            server.createContext("/sms/send", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Integer queued = stub.statuses.poll();
                int status = queued == null ? 200 : queued;
                stub.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-Api-Key"), exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8), status));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The requests whose JSON body is addressed to {@code number} (its {@code to}). */
    public List<Request> to(String number) {
        return requests.stream().filter(r -> number.equals(r.json().getString("to", ""))).toList();
    }

    /** The first request that matches, waiting up to {@code timeout} for it to arrive. */
    public Optional<Request> await(Predicate<Request> match, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Optional<Request> found = requests.stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The newest SMS to {@code number} answered 2xx, waiting for it. */
    public Request awaitDelivered(String number) {
        return await(r -> number.equals(r.json().getString("to", "")) && r.answered() < 300, Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no SMS to " + number + " reached the gateway; it saw " + requests));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
