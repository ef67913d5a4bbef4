package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every decision as one security event (rule id, subject, outcome, reason, latency):
 * {@code GATEWAY_ALLOWED}, {@code GATEWAY_DENIED}, or {@code GATEWAY_NO_RULE} / {@code GATEWAY_AMBIGUOUS_RULES}
 * when no single rule matched. Keeps denial counters per error kind for metrics.
 */
@ApplicationScoped
public class DecisionLog {

    static final int MAX_LOGGED_PATH = 200;

    private final Map<ErrorKind, LongAdder> denials = new ConcurrentHashMap<>();
    private final LongAdder allowed = new LongAdder();

    @Inject
    SecurityEvents events;

    void record(Decision decision, GatewayRequest request, long nanos) {
        SecurityEvent.Builder event;
        if (decision instanceof Decision.Allowed a) {
            allowed.increment();
            event = SecurityEvent.of(SecurityEventType.GATEWAY_ALLOWED, Outcome.SUCCESS)
                    .actor(a.session().subject().isEmpty() ? null : a.session().subject());
        } else {
            Decision.Denied d = (Decision.Denied) decision;
            denials.computeIfAbsent(d.error().kind(), k -> new LongAdder()).increment();
            SecurityEventType type = d.matched() != null ? SecurityEventType.GATEWAY_DENIED
                    : d.error().kind() == ErrorKind.NOT_FOUND ? SecurityEventType.GATEWAY_NO_RULE
                    : d.error().kind() == ErrorKind.BAD_REQUEST ? SecurityEventType.GATEWAY_DENIED
                    : SecurityEventType.GATEWAY_AMBIGUOUS_RULES;
            event = SecurityEvent.of(type, Outcome.DENIED)
                    .detail("error", d.error().kind().wireName())
                    .detail("reason", d.error().reason());
        }
        decision.rule().ifPresent(r -> event.subject(r.id()).detail("rule_id", r.id()));
        events.fire(event.ip(request.clientIp())
                .detail("method", request.target().method())
                .detail("url", request.target().url())
                .detail("latency_us", nanos / 1000));
    }

    /**
     * A request refused before matching: its target cannot be judged safely. The event names the reason and
     * the first {@value #MAX_LOGGED_PATH} characters of the path as received.
     */
    void rejected(String reason, String rawUri, String clientIp) {
        denials.computeIfAbsent(ErrorKind.BAD_REQUEST, k -> new LongAdder()).increment();
        String path = rawUri == null ? "" : rawUri.indexOf('?') < 0 ? rawUri : rawUri.substring(0, rawUri.indexOf('?'));
        events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_DENIED, Outcome.DENIED).ip(clientIp)
                .detail("error", ErrorKind.BAD_REQUEST.wireName()).detail("reason", reason)
                .detail("path", path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) + "…" : path));
    }

    /** Denials so far on this node, by error kind. */
    public Map<ErrorKind, Long> denials() {
        Map<ErrorKind, Long> out = new EnumMap<>(ErrorKind.class);
        denials.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long allowed() {
        return allowed.sum();
    }
}
