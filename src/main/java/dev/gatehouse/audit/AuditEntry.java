package dev.gatehouse.audit;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audit row as recorded, before it has its place in the chain: what happened, to what, by whom, with what
 * result, how the actor was verified, from which device and address, and the event's redacted details.
 * Times are kept to the microsecond, which both databases store exactly, so a row read back hashes as written.
 *
 * @param details      the event's details, redacted, as canonical JSON (keys sorted)
 * @param verification what the event says of the actor's verification (aal, method, step-up, verified address) as
 *                     canonical JSON, or null
 */
public record AuditEntry(String tenant, Instant occurredAt, String eventType, String action, String resourceType,
                         String resourceId, ActorType actorType, String actorId, String subject, String clientId,
                         Result result, String reason, String aal, String verification, String deviceClass, String os,
                         String browser, String userAgent, String ip, String requestId, String traceId,
                         String details) {

    /** Who acted. */
    public enum ActorType {
        IDENTITY, CLIENT, ADMIN_KEY, SYSTEM, ANONYMOUS;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<ActorType> parse(String s) {
            for (ActorType t : values()) {
                if (t.wire().equals(s)) {
                    return java.util.Optional.of(t);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** How the action ended. */
    public enum Result {
        SUCCESS, FAILURE, DENIED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Result> parse(String s) {
            for (Result r : values()) {
                if (r.wire().equals(s)) {
                    return java.util.Optional.of(r);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Looked up once: {@code JsonP.create…} looks the provider up on every call, which would dominate the writer. */
    public static final JsonProvider JSON = JsonProvider.provider();

    public AuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(result, "result");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        details = details == null ? "{}" : details;
        // every field bounded to its column, so that no event can stop the writer with a value too long to store
        tenant = bounded(tenant, 63);
        eventType = bounded(eventType, 64);
        action = bounded(action, 64);
        resourceType = bounded(resourceType, 32);
        resourceId = bounded(resourceId, 256);
        actorId = bounded(actorId, 256);
        subject = bounded(subject, 256);
        clientId = bounded(clientId, 256);
        reason = bounded(reason, 256);
        aal = bounded(aal, 8);
        verification = verification != null && verification.length() > VERIFICATION_MAX ? null : verification;
        deviceClass = bounded(deviceClass, 16);
        os = bounded(os, 64);
        browser = bounded(browser, 64);
        userAgent = bounded(userAgent, 256);
        ip = bounded(ip, 256);
        requestId = bounded(requestId, 256);
        traceId = bounded(traceId, 32);
    }

    /** The longest {@code verification} JSON kept; a longer one (it cannot be cut and stay JSON) is left out. */
    static final int VERIFICATION_MAX = 1000;

    /** {@code value} cut to at most {@code max} characters, never between the two halves of a surrogate pair. */
    static String bounded(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    /** The fields as one JSON object, keys sorted, nulls left out: the outbox's form, and the chain's with the seq. */
    public JsonObject toJson() {
        Map<String, String> f = new TreeMap<>();
        put(f, "tenant", tenant);
        put(f, "occurred_at", occurredAt.toString());
        put(f, "event_type", eventType);
        put(f, "action", action);
        put(f, "resource_type", resourceType);
        put(f, "resource_id", resourceId);
        put(f, "actor_type", actorType.wire());
        put(f, "actor_id", actorId);
        put(f, "subject", subject);
        put(f, "client_id", clientId);
        put(f, "result", result.wire());
        put(f, "reason", reason);
        put(f, "aal", aal);
        put(f, "verification", verification);
        put(f, "device_class", deviceClass);
        put(f, "os", os);
        put(f, "browser", browser);
        put(f, "user_agent", userAgent);
        put(f, "ip", ip);
        put(f, "request_id", requestId);
        put(f, "trace_id", traceId);
        put(f, "details", details);
        JsonObjectBuilder b = JSON.createObjectBuilder();
        f.forEach(b::add);
        return b.build();
    }

    public static AuditEntry fromJson(JsonObject o) {
        return new AuditEntry(s(o, "tenant"), Instant.parse(s(o, "occurred_at")), s(o, "event_type"), s(o, "action"),
                s(o, "resource_type"), s(o, "resource_id"), ActorType.parse(s(o, "actor_type")).orElseThrow(),
                s(o, "actor_id"), s(o, "subject"), s(o, "client_id"), Result.parse(s(o, "result")).orElseThrow(),
                s(o, "reason"), s(o, "aal"), s(o, "verification"), s(o, "device_class"), s(o, "os"), s(o, "browser"),
                s(o, "user_agent"), s(o, "ip"), s(o, "request_id"), s(o, "trace_id"), s(o, "details"));
    }

    /** A map as canonical JSON text: keys sorted, values as given. */
    public static String canonical(Map<String, String> values) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        new TreeMap<>(values).forEach((k, v) -> {
            if (v != null) {
                b.add(k, v);
            }
        });
        return b.build().toString();
    }

    /** Canonical JSON text back to a map (keys in order). */
    public static Map<String, String> parseCanonical(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try (var reader = JSON.createReader(new java.io.StringReader(json))) {
            reader.readObject().forEach((k, v) -> out.put(k, v instanceof JsonString js ? js.getString() : v.toString()));
        }
        return out;
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }

    private static String s(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString js ? js.getString() : null;
    }
}
