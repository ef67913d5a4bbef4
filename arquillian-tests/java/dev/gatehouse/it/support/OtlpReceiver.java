package dev.gatehouse.it.support;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver as Tempo or a Collector runs one: {@code POST /v1/traces} with a protobuf
 * {@code ExportTraceServiceRequest}, on the port the test server exports to. Started once per test JVM.
 */
public final class OtlpReceiver {

    /**
     * A received span, ids in lowercase hex as trace context and logs write them, with its attributes (each value
     * as text).
     */
    public record Received(String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes) {

        public String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }
    }

    private static OtlpReceiver instance;

    private final List<Received> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw) : raw;
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
                request.getResourceSpansList().forEach(r -> r.getScopeSpansList().forEach(s -> s.getSpansList()
                        .forEach(this::add)));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void add(Span s) {
        HexFormat hex = HexFormat.of();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue kv : s.getAttributesList()) {
            AnyValue v = kv.getValue();
            attributes.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case BOOL_VALUE -> String.valueOf(v.getBoolValue());
                case INT_VALUE -> String.valueOf(v.getIntValue());
                case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
                default -> v.toString();
            });
        }
        spans.add(new Received(hex.formatHex(s.getTraceId().toByteArray()), hex.formatHex(s.getSpanId().toByteArray()),
                hex.formatHex(s.getParentSpanId().toByteArray()), s.getName(), Map.copyOf(attributes)));
    }

    public static synchronized OtlpReceiver get() {
        if (instance == null) {
            try {
                instance = new OtlpReceiver(ItServer.get().otlpPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The spans of trace {@code traceId} received so far. */
    public List<Received> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Waits (up to 20 s: the server exports in batches) until the trace has a span that matches. */
    public List<Received> await(String traceId, Predicate<List<Received>> complete) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Received> t = trace(traceId);
            if (complete.test(t)) {
                return t;
            }
            ItServer.sleep(200);
        }
        return trace(traceId);
    }
}
