package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleStore;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.RuleWriteConflict;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * Database rules as the admin API changes them. A write is accepted only if the tenant's whole rule set
 * (files plus database) would still be valid with it: unknown handlers, bad patterns and an id used by
 * another rule (a file rule too) are refused with the field that is wrong. Each change is an event. Each read and
 * the write are short transactions of their own, so compiling the rule set for the check holds no connection.
 */
@ApplicationScoped
public class RuleAdminService {

    @Inject
    RuleStore store;
    @Inject
    Transactions transactions;
    @Inject
    ActiveRules active;
    @Inject
    SecurityEvents events;

    public StoredRule create(TenantId tenant, JsonObject json, String actor) {
        Rule rule = parse(json);
        if (stored(tenant, rule.id()).isPresent()) {
            throw ApiException.conflict("A rule with this id exists");
        }
        check(tenant, null, rule);
        return saved(tenant, write(tenant, rule, actor, RuleStore.Write.CREATE), actor, "created");
    }

    public StoredRule replace(TenantId tenant, String id, JsonObject json, String actor) {
        Rule rule = parse(json);
        if (!rule.id().equals(id)) {
            throw ApiException.invalid("id", "must equal the id in the path");
        }
        stored(tenant, id).orElseThrow(() -> ApiException.notFound("No rule with this id"));
        check(tenant, id, rule);
        return saved(tenant, write(tenant, rule, actor, RuleStore.Write.REPLACE), actor, "updated");
    }

    public void delete(TenantId tenant, String id, String actor) {
        if (!transactions.call(() -> store.delete(tenant, id, actor))) {
            throw ApiException.notFound("No rule with this id");
        }
        events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULE_CHANGED, Outcome.SUCCESS).tenant(tenant.value())
                .actor(actor).subject(id).detail("change", "deleted"));
    }

    public StoredRule find(TenantId tenant, String id) {
        return stored(tenant, id).orElseThrow(() -> ApiException.notFound("No rule with this id"));
    }

    public List<StoredRule> list(TenantId tenant) {
        return transactions.call(() -> store.list(tenant));
    }

    /** The rules from files, which apply to every tenant and which no admin change touches. */
    public List<Rule> fileRules() {
        return active.fileRules();
    }

    public List<RuleVersion> history(TenantId tenant, String id) {
        List<RuleVersion> versions = transactions.call(() -> store.history(tenant, id));
        if (versions.isEmpty()) {
            throw ApiException.notFound("No rule with this id");
        }
        return versions;
    }

    /** The existence checks above are for a clear answer; this one, under the write's lock, is the one that holds. */
    private StoredRule write(TenantId tenant, Rule rule, String actor, RuleStore.Write write) {
        try {
            return transactions.call(() -> store.save(tenant, rule, actor, write));
        } catch (RuleWriteConflict e) {
            throw e.exists() ? ApiException.conflict("A rule with this id exists") : ApiException.notFound("No rule with this id");
        }
    }

    private StoredRule saved(TenantId tenant, StoredRule s, String actor, String change) {
        events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULE_CHANGED, Outcome.SUCCESS).tenant(tenant.value())
                .actor(actor).subject(s.rule().id()).detail("change", change).detail("revision", s.revision()));
        return s;
    }

    private void check(TenantId tenant, String replacedId, Rule rule) {
        try {
            active.withDatabaseChange(tenant, replacedId, rule);
        } catch (InvalidRuleException e) {
            if (replacedId == null && stored(tenant, rule.id()).isPresent()) {
                // a concurrent create of the same id got in first: the same answer as if it had been earlier still
                throw ApiException.conflict("A rule with this id exists");
            }
            throw ApiException.invalid(e.field(), e.reason());
        }
    }

    private Optional<StoredRule> stored(TenantId tenant, String id) {
        return transactions.call(() -> store.find(tenant, id));
    }

    private static Rule parse(JsonObject json) {
        try {
            return Rule.parse(json);
        } catch (InvalidRuleException e) {
            throw ApiException.invalid(e.field(), e.reason());
        }
    }
}
