package dev.gatehouse.audit.alert;

import dev.gatehouse.audit.AuditAddresses;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One evaluation of every alert rule, in the caller's transaction under the evaluator's lock: per rule, the groups of
 * matching rows in the window above the threshold; a group that was not firing fires (its state is kept, an
 * {@code audit_alert_fired} event is recorded and its webhook queued), a firing group that dropped to the threshold
 * is cleared, so it fires again when it next goes above.
 */
@ApplicationScoped
public class AlertEvaluation {

    private static final Logger LOG = Logger.getLogger(AlertEvaluation.class.getName());
    static final int MAX_RULES = 10_000;
    static final int MAX_GROUPS = 100;
    static final int SAMPLE_SIZE = 5;

    private AlertStore store;
    private AuditAddresses addresses;
    private SecurityEvents events;

    protected AlertEvaluation() {
    }

    @Inject
    public AlertEvaluation(AlertStore store, AuditAddresses addresses, SecurityEvents events) {
        this.store = store;
        this.addresses = addresses;
        this.events = events;
    }

    /** Evaluates every rule as of {@code now}; answers how many groups fired. */
    public int evaluateAll(Instant now) {
        store.lockEvaluator();
        int fired = 0;
        for (AlertRule rule : store.all(MAX_RULES)) {
            fired += evaluate(rule, now);
        }
        return fired;
    }

    private int evaluate(AlertRule rule, Instant now) {
        AuditFilter parsed;
        try {
            parsed = AuditQueries.parse(rule.query(), now);
        } catch (ApiException e) {
            LOG.warning("Alert rule " + rule.id() + " of tenant " + rule.tenant() + " has a query that no longer parses ("
                    + e.detail() + "); it is skipped until it is changed");
            return 0;
        }
        Instant from = now.minus(rule.window());
        AuditFilter filter = addresses.query(rule.tenant(), new AuditFilter(from, null, parsed.equals(), parsed.keyword(),
                true, Optional.empty(), 1));
        List<AlertStore.GroupCount> above = store.groupsAbove(rule.tenant(), filter, rule.groupBy(), rule.threshold(),
                MAX_GROUPS);
        Set<String> firing = store.firing(rule.tenant(), rule.id());
        Set<String> aboveNow = new HashSet<>();
        above.forEach(g -> aboveNow.add(g.group()));
        for (String group : firing) {
            if (!aboveNow.contains(group)) {
                store.cleared(rule.tenant(), rule.id(), group);
            }
        }
        int fired = 0;
        for (AlertStore.GroupCount g : above) {
            if (firing.contains(g.group())) {
                continue;
            }
            List<Long> sample = store.sample(rule.tenant(), filter, rule.groupBy(), g.group(), SAMPLE_SIZE);
            String messageId = "msg_" + Ids.uuid();
            store.fired(rule.tenant(), rule.id(), g.group(), now);
            store.enqueue(rule.tenant(), rule.id(), messageId, body(rule, g, from, now, sample), now);
            events.fire(SecurityEvent.of(SecurityEventType.AUDIT_ALERT_FIRED, Outcome.SUCCESS).tenant(rule.tenant())
                    .actor("system").subject(rule.id()).detail("rule_name", rule.name())
                    .detail("group_by", rule.groupBy().wire()).detail("group", g.group())
                    .detail("count", String.valueOf(g.count())).detail("webhook_id", messageId));
            fired++;
        }
        return fired;
    }

    /** The webhook's JSON: Standard Webhooks' {@code type}, {@code timestamp} and {@code data}. */
    static String body(AlertRule rule, AlertStore.GroupCount g, Instant from, Instant now, List<Long> sample) {
        JsonArrayBuilder ids = JsonP.createArrayBuilder();
        sample.forEach(ids::add);
        JsonObjectBuilder group = JsonP.createObjectBuilder().add("by", rule.groupBy().wire());
        if (rule.groupBy() != AlertGroupBy.NONE) {
            if (g.group().isEmpty()) {
                group.addNull("value");
            } else {
                group.add("value", g.group());
            }
        }
        return JsonP.createObjectBuilder().add("type", "audit.alert.fired").add("timestamp", now.toString())
                .add("data", JsonP.createObjectBuilder()
                        .add("tenant", rule.tenant())
                        .add("rule", JsonP.createObjectBuilder().add("id", rule.id()).add("name", rule.name()))
                        .add("group", group).add("count", g.count()).add("threshold", rule.threshold())
                        .add("window", AlertRules.windowText(rule.window()))
                        .add("from", from.toString()).add("to", now.toString())
                        .add("sample_event_ids", ids))
                .build().toString();
    }
}
