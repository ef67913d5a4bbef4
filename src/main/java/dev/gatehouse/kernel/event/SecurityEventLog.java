package dev.gatehouse.kernel.event;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.log.Logs;
import dev.gatehouse.kernel.log.Redactor;
import dev.gatehouse.kernel.log.ServiceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.logging.Logger;

/**
 * Writes every security event as one JSON line to the {@code gatehouse.security} logger, until the audit
 * log records them. Details are redacted once more on the way out. A success fired in a transaction is written
 * once that transaction commits, and not at all if it rolls back (a sign-in whose writes were undone did not
 * happen); without a transaction it is written at once. Failures and denials are written at once, as the
 * transaction around a refusal is often rolled back.
 */
@ApplicationScoped
public class SecurityEventLog {

    private static final Logger LOG = Logger.getLogger("gatehouse.security");

    public void onEvent(@Observes SecurityEvent event) {
        if (event.outcome() != Outcome.SUCCESS) {
            write(event);
        }
    }

    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        if (event.outcome() == Outcome.SUCCESS) {
            write(event);
        }
    }

    private static void write(SecurityEvent event) {
        Logs.stamp(ServiceNames.ofEventType(event.type().name()));
        LOG.info(toJson(event).toString());
    }

    public static JsonObject toJson(SecurityEvent e) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("event", e.type().name().toLowerCase(java.util.Locale.ROOT))
                .add("time", e.occurredAt().toString())
                .add("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        addIf(b, "tenant", e.tenant());
        addIf(b, "actor", e.actor());
        addIf(b, "subject", e.subject());
        addIf(b, "client", e.client());
        addIf(b, "ip", e.ip());
        addIf(b, "user_agent", Redactor.text(e.userAgent()));
        addIf(b, "request_id", e.requestId());
        if (!e.details().isEmpty()) {
            JsonObjectBuilder d = JsonP.createObjectBuilder();
            Redactor.map(e.details()).forEach(d::add);
            b.add("details", d);
        }
        return b.build();
    }

    private static void addIf(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}
