package dev.gatehouse.kernel.event;

import dev.gatehouse.kernel.log.LogText;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One security-relevant action, fired as a CDI event ({@code Event<SecurityEvent>}) by the capability
 * that performed it. The audit log, metrics and webhooks observe these; no capability writes audit rows
 * or counters itself.
 *
 * @param type      what happened
 * @param occurredAt when
 * @param tenant    the tenant it happened in
 * @param actor     who did it (an identity id, a client id, "admin-api-key", or null if anonymous)
 * @param subject   whom or what it was done to (identity id, tenant id, rule id, ...)
 * @param client    the OAuth client involved, if any
 * @param ip        the client IP address as seen by Gatehouse
 * @param userAgent the User-Agent header
 * @param requestId the request id (X-Request-ID) of the HTTP request, if any
 * @param outcome   success, failure or denial
 * @param details   further facts; never secrets (they are redacted again when written)
 */
public record SecurityEvent(SecurityEventType type, Instant occurredAt, String tenant, String actor, String subject,
                            String client, String ip, String userAgent, String requestId, Outcome outcome,
                            Map<String, String> details) {

    /** Characters kept of a detail that names a person's identifier (e-mail, user name, address). */
    public static final int MAX_IDENTIFIER = 64;
    /** Characters kept of every other field and detail value. */
    public static final int MAX_FIELD = 256;
    /** Characters kept of a detail's key. */
    public static final int MAX_KEY = 64;
    /** Details kept; how many more there were is said in {@code details_dropped}. */
    public static final int MAX_DETAILS = 32;

    private static final Set<String> IDENTIFIER_KEYS = Set.of("identifier", "address", "recipient", "email");

    /**
     * Every text is bounded and its control characters escaped here, once, so no caller can forget it: an
     * identifier to {@value #MAX_IDENTIFIER} characters, everything else to {@value #MAX_FIELD}, at most
     * {@value #MAX_DETAILS} details (see {@link LogText#bounded}).
     */
    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
        tenant = LogText.bounded(tenant, MAX_FIELD);
        actor = LogText.bounded(actor, MAX_FIELD);
        subject = LogText.bounded(subject, MAX_FIELD);
        client = LogText.bounded(client, MAX_FIELD);
        ip = LogText.bounded(ip, MAX_FIELD);
        userAgent = LogText.bounded(userAgent, MAX_FIELD);
        requestId = LogText.bounded(requestId, MAX_FIELD);
        details = bounded(details == null ? Map.of() : details);
    }

    private static Map<String, String> bounded(Map<String, String> details) {
        Map<String, String> kept = new LinkedHashMap<>();
        int dropped = 0;
        for (Map.Entry<String, String> d : details.entrySet()) {
            if (d.getKey() == null || d.getValue() == null) {
                continue;
            }
            if (kept.size() == MAX_DETAILS) {
                dropped++;
                continue;
            }
            String key = LogText.bounded(d.getKey(), MAX_KEY);
            int max = IDENTIFIER_KEYS.contains(key.toLowerCase(Locale.ROOT)) ? MAX_IDENTIFIER : MAX_FIELD;
            kept.putIfAbsent(key, LogText.bounded(d.getValue(), max));
        }
        if (dropped > 0) {
            kept.put("details_dropped", String.valueOf(dropped));
        }
        return Collections.unmodifiableMap(kept);
    }

    public static Builder of(SecurityEventType type, Outcome outcome) {
        return new Builder(type, outcome);
    }

    /** Fluent construction; the request's tenant, IP, user agent and request id are filled by {@link SecurityEvents}. */
    public static final class Builder {
        private final SecurityEventType type;
        private final Outcome outcome;
        private Instant occurredAt;
        private String tenant;
        private String actor;
        private String subject;
        private String client;
        private String ip;
        private String userAgent;
        private String requestId;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(SecurityEventType type, Outcome outcome) {
            this.type = type;
            this.outcome = outcome;
        }

        public Builder tenant(String v) { this.tenant = v; return this; }
        public Builder actor(String v) { this.actor = v; return this; }
        public Builder subject(String v) { this.subject = v; return this; }
        public Builder client(String v) { this.client = v; return this; }
        public Builder ip(String v) { this.ip = v; return this; }
        public Builder userAgent(String v) { this.userAgent = v; return this; }
        public Builder requestId(String v) { this.requestId = v; return this; }
        public Builder occurredAt(Instant v) { this.occurredAt = v; return this; }

        public Builder detail(String key, Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        String tenant() { return tenant; }
        String ip() { return ip; }
        String userAgent() { return userAgent; }
        String requestId() { return requestId; }
        Instant occurredAt() { return occurredAt; }

        public SecurityEvent build() {
            return new SecurityEvent(type, occurredAt == null ? Instant.now() : occurredAt, tenant, actor, subject,
                    client, ip, userAgent, requestId, outcome, details);
        }
    }
}
