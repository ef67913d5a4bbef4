package dev.gatehouse.platform.trace;

import dev.gatehouse.kernel.config.ConfigKey;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a step in a span of its own, a child of the span current on this thread (the request's). With the
 * OpenTelemetry SDK off ({@code otel.sdk.disabled=true}, the default) the tracer does nothing and costs nothing.
 * Span names and attribute values are bounded (a capability's step, a handler or grant type Gatehouse knows, an
 * outcome from a fixed set): never a token, a secret or a raw request value.
 */
@ConfigKey(name = "otel.sdk.disabled", defaultValue = "true", description = "Tracing is off until this is false;"
        + " then spans go to otel.exporter.otlp.endpoint and log records carry trace_id and span_id.")
@ConfigKey(name = "otel.service.name", defaultValue = "gatehouse", description = "The service name spans are recorded under.")
@ConfigKey(name = "otel.exporter.otlp.endpoint", defaultValue = "http://localhost:4318", description = "Where spans are"
        + " sent: an OTLP receiver (Tempo, an OpenTelemetry Collector), over otel.exporter.otlp.protocol.")
@ConfigKey(name = "otel.exporter.otlp.protocol", defaultValue = "http/protobuf", description = "OTLP over HTTP with"
        + " protobuf (port 4318), or grpc (port 4317).")
@ConfigKey(name = "otel.metrics.exporter", defaultValue = "none", description = "Only traces leave over OTLP: metrics"
        + " are scraped from /metrics.")
@ConfigKey(name = "otel.logs.exporter", defaultValue = "none", description = "Only traces leave over OTLP: logs are"
        + " read from the JSON log.")
@ApplicationScoped
public class Tracing {

    /** The attribute that says how a step ended ({@code allowed}, {@code denied}, {@code issued}, …). */
    public static final String OUTCOME = "gatehouse.outcome";
    /** The outcome of a step that failed unexpectedly; such a span's status is ERROR. */
    public static final String FAILED = "error";

    private static final Tracing NONE = new Tracing(OpenTelemetry.noop().getTracer("gatehouse"));

    private Tracer tracer;

    protected Tracing() {
    }

    @Inject
    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A tracer that records nothing, for code run outside the server (unit tests, benchmarks). */
    public static Tracing none() {
        return NONE;
    }

    /** Adds an attribute to the span current on this thread (the step's), for what is known only inside the step. */
    public void attribute(String key, String value) {
        if (value != null) {
            Span.current().setAttribute(key, value);
        }
    }

    /**
     * {@code work} in a span named {@code name} with the attributes given as pairs ({@code key, value}; a null value
     * is left out); an exception marks the span as failed and goes on.
     */
    public <T> T span(String name, Supplier<T> work, String... attributes) {
        return span(name, work, result -> null, failure -> FAILED, attributes);
    }

    /**
     * As {@link #span(String, Supplier, String...)}, with the {@link #OUTCOME} attribute {@code outcome} makes of
     * the result, or {@code failed} of the exception (an expected refusal, such as a denial, is an outcome; only
     * {@link #FAILED} marks the span's status as ERROR).
     */
    public <T> T span(String name, Supplier<T> work, Function<? super T, String> outcome,
                      Function<? super RuntimeException, String> failed, String... attributes) {
        Span span = tracer.spanBuilder(name).startSpan();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                span.setAttribute(attributes[i], attributes[i + 1]);
            }
        }
        try (Scope ignored = span.makeCurrent()) {
            T result = work.get();
            String said = outcome.apply(result);
            if (said != null) {
                span.setAttribute(OUTCOME, said);
            }
            return result;
        } catch (RuntimeException e) {
            String said = failed.apply(e);
            span.setAttribute(OUTCOME, said);
            if (FAILED.equals(said)) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            span.end();
        }
    }
}
