package dev.gatehouse.audit;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.log.Redactor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@link SecurityEvent} into an {@link AuditEntry}, for any event type, known or added later: the resource
 * and action come from the type's name ({@code OAUTH2_CLIENT_CREATED} is action {@code created} on an
 * {@code oauth2_client}; a name with no known resource prefix is its own action), the resource id is the event's
 * subject, the actor's kind is read from its id, verification facts are picked from the details, and the
 * User-Agent is parsed into a device. Details are redacted again here, so no secret reaches a row.
 */
public final class AuditEntries {

    /** Resource prefixes of event type names, longest first. */
    private static final List<String> RESOURCES = List.of("OAUTH2_LOGIN_SESSION", "OAUTH2_CLIENT", "OAUTH2_CONSENT",
            "OAUTH2_TOKEN", "OAUTH2_LOGIN", "OAUTH2_CODE", "OAUTH2_REFRESH_TOKEN", "OAUTH2", "GATEWAY_RULES", "GATEWAY_RULE",
            "GATEWAY", "IDENTITY", "CREDENTIAL", "SESSION", "TENANT", "HOST", "KEY", "MESSAGE", "VERIFICATION",
            "RECOVERY", "LOGIN", "AUDIT_ALERT", "ADMIN", "PASSWORD", "SETTINGS", "DEMO_DATA", "AUDIT_SEARCH");
    /** Detail keys that say how the actor was verified. */
    private static final List<String> VERIFICATION_KEYS = List.of("aal", "amr", "method", "step_up", "refresh",
            "verified_address", "verified", "via");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    /** The chain of events that name no tenant (an unknown host, start-up): visible to no tenant's admin. */
    public static final String NO_TENANT = "-";

    private final Devices devices;

    public AuditEntries(Devices devices) {
        this.devices = devices;
    }

    /**
     * @param traceparent the request's W3C {@code traceparent} header, or null
     * @param inRequest   whether the event was fired while serving a request (an event without an actor is then
     *                    anonymous; outside one it is the system's)
     */
    public AuditEntry entry(SecurityEvent e, String traceparent, boolean inRequest) {
        String type = e.type().name();
        String prefix = RESOURCES.stream().filter(p -> type.startsWith(p + "_")).findFirst().orElse(null);
        String action = prefix == null ? type : type.substring(prefix.length() + 1);
        Map<String, String> details = Redactor.map(e.details());
        Map<String, String> verification = new LinkedHashMap<>();
        for (String key : VERIFICATION_KEYS) {
            if (details.containsKey(key)) {
                verification.put(key, details.get(key));
            }
        }
        String reason = details.getOrDefault("reason", details.get("error"));
        Devices.Device device = devices.parse(e.userAgent());
        return new AuditEntry(e.tenant() == null ? NO_TENANT : e.tenant(), e.occurredAt(), lower(type), lower(action),
                prefix == null ? null : lower(prefix), e.subject(), actorType(e.actor(), inRequest), e.actor(),
                e.subject(), e.client(), AuditEntry.Result.valueOf(e.outcome().name()),
                reason == null ? null : LogText.bounded(reason, 256), details.get("aal"),
                verification.isEmpty() ? null : AuditEntry.canonical(verification), device.deviceClass(), device.os(),
                device.browser(), Redactor.text(e.userAgent()), e.ip(), e.requestId(), traceId(traceparent),
                AuditEntry.canonical(details));
    }

    static AuditEntry.ActorType actorType(String actor, boolean inRequest) {
        if (actor == null || actor.isEmpty()) {
            return inRequest ? AuditEntry.ActorType.ANONYMOUS : AuditEntry.ActorType.SYSTEM;
        }
        if (actor.equals(RequestActor.ADMIN_API_KEY)) {
            return AuditEntry.ActorType.ADMIN_KEY;
        }
        if (actor.equals("system")) {
            return AuditEntry.ActorType.SYSTEM;
        }
        return UUID.matcher(actor).matches() ? AuditEntry.ActorType.IDENTITY : AuditEntry.ActorType.CLIENT;
    }

    /** The trace id of a valid W3C {@code traceparent} (not the all-zero one), or null. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || m.group(1).chars().allMatch(c -> c == '0') || traceparent.startsWith("ff")) {
            return null;
        }
        return m.group(1);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
