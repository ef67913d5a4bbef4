package dev.gatehouse.audit.api;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.AuditRow;
import dev.gatehouse.audit.IdentityProvisioning;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of {@code /admin/audit/events}: {@code {events: [...], next_cursor}} (the cursor only when more rows
 * match), read in one short transaction. Saved searches run through here too, so both answer the same shape.
 */
@ApplicationScoped
public class AuditEventsPage {

    @Inject
    AuditLog store;
    @Inject
    IdentityProvisioning provisioning;
    @Inject
    Transactions transactions;

    /** @param withIdentity adds {@code actor_identity} to rows whose actor is an identity */
    public JsonObject page(TenantId id, AuditFilter filter, boolean withIdentity) {
        AuditFilter oneMore = new AuditFilter(filter.from(), filter.to(), filter.equals(), filter.keyword(),
                filter.descending(), filter.after(), filter.limit() + 1);
        return transactions.call(() -> {
            List<AuditRow> rows = new ArrayList<>(store.find(id.value(), oneMore));
            boolean more = rows.size() > filter.limit();
            if (more) {
                rows = rows.subList(0, filter.limit());
            }
            Map<String, Optional<JsonObject>> identities = new HashMap<>();
            JsonArrayBuilder events = JsonP.createArrayBuilder();
            for (AuditRow row : rows) {
                JsonObjectBuilder b = AuditJson.of(row);
                if (withIdentity && row.entry().actorType() == AuditEntry.ActorType.IDENTITY) {
                    identities.computeIfAbsent(row.entry().actorId(), a -> provisioning.of(id, a))
                            .ifPresent(i -> b.add("actor_identity", i));
                }
                events.add(b);
            }
            JsonObjectBuilder page = JsonP.createObjectBuilder().add("events", events);
            if (more) {
                page.add("next_cursor", AuditQueries.cursor(rows.get(rows.size() - 1)));
            }
            return page.build();
        });
    }
}
