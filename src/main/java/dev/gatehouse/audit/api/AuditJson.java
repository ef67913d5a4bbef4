package dev.gatehouse.audit.api;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditRow;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;


/** How an audit row looks over the wire: one JSON object per row, and the flat columns of the CSV export. */
final class AuditJson {

    /** The CSV export's columns, in order. */
    static final List<String> CSV_COLUMNS = List.of("id", "time", "recorded_at", "event_type", "action",
            "resource_type", "resource_id", "actor_type", "actor_id", "subject", "client_id", "result", "reason", "aal",
            "verification", "device_class", "os", "browser", "user_agent", "ip", "request_id", "trace_id", "details",
            "hash");

    private AuditJson() {
    }

    static JsonObjectBuilder of(AuditRow row) {
        AuditEntry e = row.entry();
        JsonObjectBuilder b = AuditEntry.JSON.createObjectBuilder()
                .add("id", row.seq())
                .add("time", e.occurredAt().toString())
                .add("recorded_at", row.recordedAt().toString())
                .add("event_type", e.eventType())
                .add("action", e.action());
        JsonObjectBuilder resource = AuditEntry.JSON.createObjectBuilder();
        add(resource, "type", e.resourceType());
        add(resource, "id", e.resourceId());
        b.add("resource", resource);
        JsonObjectBuilder actor = AuditEntry.JSON.createObjectBuilder().add("type", e.actorType().wire());
        add(actor, "id", e.actorId());
        b.add("actor", actor);
        add(b, "subject", e.subject());
        add(b, "client_id", e.clientId());
        JsonObjectBuilder result = AuditEntry.JSON.createObjectBuilder().add("status", e.result().wire());
        add(result, "reason", e.reason());
        b.add("result", result);
        JsonObjectBuilder verification = AuditEntry.JSON.createObjectBuilder();
        AuditEntry.parseCanonical(e.verification()).forEach(verification::add);
        b.add("verification", verification);
        JsonObjectBuilder device = AuditEntry.JSON.createObjectBuilder();
        add(device, "class", e.deviceClass());
        add(device, "os", e.os());
        add(device, "browser", e.browser());
        add(device, "user_agent", e.userAgent());
        b.add("device", device);
        add(b, "ip", e.ip());
        add(b, "request_id", e.requestId());
        add(b, "trace_id", e.traceId());
        JsonObjectBuilder details = AuditEntry.JSON.createObjectBuilder();
        AuditEntry.parseCanonical(e.details()).forEach(details::add);
        b.add("details", details);
        b.add("hash", row.hash());
        return b;
    }

    static JsonObject json(AuditRow row) {
        return of(row).build();
    }

    /** The row as CSV fields in {@link #CSV_COLUMNS} order. */
    static List<String> csv(AuditRow row) {
        AuditEntry e = row.entry();
        return java.util.Arrays.asList(String.valueOf(row.seq()), e.occurredAt().toString(), row.recordedAt().toString(),
                e.eventType(), e.action(), e.resourceType(), e.resourceId(), e.actorType().wire(), e.actorId(),
                e.subject(), e.clientId(), e.result().wire(), e.reason(), e.aal(), e.verification(), e.deviceClass(),
                e.os(), e.browser(), e.userAgent(), e.ip(), e.requestId(), e.traceId(), e.details(), row.hash());
    }

    /**
     * One CSV line (RFC 4180): a field with a comma, quote or line break is quoted with its quotes doubled, and a field
     * a spreadsheet would run as a formula (starting with = + - @ or a tab) is prefixed with a single quote.
     */
    static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                f = '"' + f.replace("\"", "\"\"") + '"';
            }
            sb.append(f);
        }
        return sb.append("\r\n").toString();
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

}
