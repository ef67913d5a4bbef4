package dev.gatehouse.kernel.log;

import java.util.Optional;

/**
 * The trace and span id of the span current on this thread (OpenTelemetry, as MicroProfile Telemetry runs it),
 * for log records. Empty when tracing is off, when no span is current, or where the OpenTelemetry API is not
 * there at all (unit tests without it).
 */
public record TraceIds(String traceId, String spanId) {

    private static final boolean AVAILABLE = available();

    private static boolean available() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, TraceIds.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The W3C trace context headers ({@code traceparent}, {@code tracestate}) that make a call this thread sends a
     * child of its current span; empty when there is none.
     */
    public static java.util.Map<String, String> headers() {
        if (!AVAILABLE || !io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance()
                .inject(io.opentelemetry.context.Context.current(), out, (carrier, k, v) -> carrier.put(k, v));
        return out;
    }

    public static Optional<TraceIds> current() {
        if (!AVAILABLE) {
            return Optional.empty();
        }
        io.opentelemetry.api.trace.SpanContext c = io.opentelemetry.api.trace.Span.current().getSpanContext();
        return c.isValid() ? Optional.of(new TraceIds(c.getTraceId(), c.getSpanId())) : Optional.empty();
    }
}
