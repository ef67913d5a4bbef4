package dev.gatehouse.gateway.engine;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.demo.DemoRules;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleFiles;
import dev.gatehouse.gateway.rule.RuleStore;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rule set in force for each tenant: the rules of the configured files (and the demo rules in demo
 * mode) plus the tenant's database rules, compiled and checked as one set. Rules are compiled
 * ({@link RuleCompiler}) when they are loaded: the file rules once per change of the files, a tenant's database
 * rules when its set is rebuilt; decisions only run compiled rules. A set is replaced only by a complete, valid new one: a broken
 * file (or a database rule that clashes with a changed file) keeps the last good set, logs why and fires
 * {@code GATEWAY_RULES_REJECTED}. Files are re-read when their fingerprint changes ({@link RuleReloader});
 * a tenant's database rules when its set version changes, checked at most every reload interval, so every
 * node follows admin changes without talking to the others. Per-tenant sets are a bounded cache.
 */
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logs.of(ActiveRules.class);
    private static final int MAX_TENANTS = 1000;

    @Inject
    GatewayConfig config;
    @Inject
    RuleCompiler compiler;
    @Inject
    RuleStore store;
    @Inject
    Transactions transactions;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;
    @Inject
    DemoRules demo;

    private record TenantRules(RuleSet set, long version, Instant checkedAt, int filesGeneration) {
    }

    private volatile List<CompiledRule> fileRules;
    private volatile int filesGeneration;
    private volatile String fingerprint = "";
    private final Map<String, TenantRules> tenants = new ConcurrentHashMap<>();

    public RuleSet current(TenantId tenant) {
        if (fileRules == null) {
            reload();
        }
        Instant now = clock.instant();
        TenantRules known = tenants.get(tenant.value());
        if (known != null && known.filesGeneration() == filesGeneration
                && known.checkedAt().plus(config.reloadInterval()).isAfter(now)) {
            return known.set();
        }
        return refresh(tenant, known, now);
    }

    private synchronized RuleSet refresh(TenantId tenant, TenantRules known, Instant now) {
        long version;
        try {
            version = transactions.call(() -> store.setVersion(tenant));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway: cannot read the database rules of tenant " + tenant.value() + "; keeping the rules in force", e);
            return known == null ? RuleSet.of(fileRules, config.strategy()) : known.set();
        }
        if (known != null && known.version() == version && known.filesGeneration() == filesGeneration) {
            tenants.put(tenant.value(), new TenantRules(known.set(), version, now, filesGeneration));
            return known.set();
        }
        List<CompiledRule> all = new ArrayList<>(fileRules);
        RuleSet set;
        try {
            if (version > 0) {
                transactions.call(() -> store.list(tenant)).forEach(s -> all.add(compiler.compile(s.rule())));
            }
            set = RuleSet.of(all, config.strategy());
        } catch (InvalidRuleException e) {
            RuleSet kept = known != null ? known.set() : RuleSet.of(fileRules, config.strategy());
            rejected(e.getMessage(), kept.size());
            set = kept;
        }
        if (tenants.size() >= MAX_TENANTS) {
            tenants.clear();
        }
        tenants.put(tenant.value(), new TenantRules(set, version, now, filesGeneration));
        return set;
    }

    /** Re-reads the files if they changed since the last attempt. */
    public synchronized void reload() {
        String now = RuleFiles.fingerprint(config.ruleLocations());
        if (fileRules != null && now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        try {
            List<Rule> rules = new ArrayList<>(RuleFiles.read(config.ruleLocations(), config.jsonnet()));
            rules.addAll(demo.rules());
            fileRules = build(rules).compiled();
            filesGeneration++;
            LOG.info("Gateway: " + rules.size() + " access rules loaded from " + config.ruleLocations());
            events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULES_LOADED, Outcome.SUCCESS)
                    .detail("rules", rules.size()).detail("locations", String.join(",", config.ruleLocations())));
        } catch (InvalidRuleException e) {
            keepOrDenyAll();
            rejected(e.getMessage(), fileRules.size());
        } catch (RuntimeException e) {
            // anything else (an unreadable location, a bug): without this a first failure left fileRules null,
            // so every request re-read every file and answered 500
            LOG.log(Level.WARNING, "Gateway: cannot load the rule files from " + config.ruleLocations(), e);
            keepOrDenyAll();
            rejected("cannot load the rule files (" + e.getClass().getSimpleName() + ")", fileRules.size());
        }
    }

    /** After a failed load: the last good file rules, or none at all (deny-all) when none ever loaded. */
    private void keepOrDenyAll() {
        if (fileRules == null) {
            fileRules = List.of();
        }
    }

    private void rejected(String reason, int inForce) {
        LOG.warning("Gateway: access rules rejected, keeping the " + inForce + " rules in force: " + LogText.bounded(reason, 1024));
        events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULES_REJECTED, Outcome.FAILURE)
                .detail("reason", reason).detail("rules_in_force", inForce));
    }

    /** The rules of the configured files (and the demo rules in demo mode) in force, the same for every tenant. */
    public List<Rule> fileRules() {
        if (fileRules == null) {
            reload();
        }
        return fileRules.stream().map(CompiledRule::rule).toList();
    }

    /** The file rules with the tenant's database rules, changed by {@code change}: what a write would put in force. */
    public RuleSet withDatabaseChange(TenantId tenant, String replacedId, Rule added) {
        if (fileRules == null) {
            reload();
        }
        List<CompiledRule> all = new ArrayList<>(fileRules);
        transactions.call(() -> store.list(tenant)).stream().map(StoredRule::rule).filter(r -> !r.id().equals(replacedId))
                .forEach(r -> all.add(compiler.compile(r)));
        if (added != null) {
            all.add(compiler.compile(added));
        }
        return RuleSet.of(all, config.strategy());
    }

    /** Compiles and checks rules without putting them in force: the validation endpoint's check. */
    public RuleSet build(List<Rule> rules) {
        return RuleSet.of(rules.stream().map(compiler::compile).toList(), config.strategy());
    }
}
