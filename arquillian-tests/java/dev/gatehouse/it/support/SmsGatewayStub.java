package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private final WebhookReceiver receiver;

    private SmsGatewayStub(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    /** Starts the gateway on the server's SMS port. */
    public static SmsGatewayStub start() {
        return new SmsGatewayStub(WebhookReceiver.start(ItServer.get().smsPort(), "/sms/send"));
    }

    /** The next requests are answered with these statuses, in order; then 200 again. */
    public void answerNext(int... codes) {
        receiver.answerNext(codes);
    }

    public List<Request> requests() {
        return receiver.requests().stream().map(r -> new Request(r.method(), r.path(), r.header("X-Api-Key"),
                r.header("Content-Type"), r.body(), r.answered())).toList();
    }

    /** The requests whose JSON body is addressed to {@code number} (its {@code to}). */
    public List<Request> to(String number) {
        return requests().stream().filter(r -> number.equals(r.json().getString("to", ""))).toList();
    }

    /** The first request that matches, waiting up to {@code timeout} for it to arrive. */
    public Optional<Request> await(Predicate<Request> match, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Optional<Request> found = requests().stream().filter(match).findFirst();
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
                .orElseThrow(() -> new AssertionError("no SMS to " + number + " reached the gateway; it saw " + requests()));
    }

    @Override
    public void close() {
        receiver.close();
    }
}
