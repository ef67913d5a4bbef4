package dev.gatehouse.gateway.rule;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The rule set in force on this node: the rules of the configured files, compiled and checked. It is
 * replaced only by a complete, valid new set; a broken file keeps the last good set, logs why and fires
 * {@code GATEWAY_RULES_REJECTED}. Reloads happen on a timer ({@link RuleReloader}) when the files'
 * fingerprint changes, so editing a file is enough.
 */
@ApplicationScoped
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class.getName());

    @Inject
    GatewayConfig config;
    @Inject
    RuleCheck check;
    @Inject
    SecurityEvents events;

    private volatile RuleSet current;
    private volatile String fingerprint = "";

    public RuleSet current() {
        RuleSet set = current;
        if (set == null) {
            reload();
            set = current == null ? RuleSet.EMPTY : current;
        }
        return set;
    }

    /** Re-reads the files if they changed since the last successful or failed attempt. */
    public synchronized void reload() {
        String now = RuleFiles.fingerprint(config.ruleLocations());
        if (current != null && now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        try {
            RuleSet set = build(RuleFiles.read(config.ruleLocations()));
            current = set;
            LOG.info("Gateway: " + set.size() + " access rules loaded from " + config.ruleLocations());
            events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULES_LOADED, Outcome.SUCCESS)
                    .detail("rules", set.size()).detail("locations", String.join(",", config.ruleLocations())));
        } catch (InvalidRuleException e) {
            if (current == null) {
                current = RuleSet.EMPTY;
            }
            LOG.warning("Gateway: access rules rejected, keeping the " + current.size() + " rules in force: " + e.getMessage());
            events.fire(SecurityEvent.of(SecurityEventType.GATEWAY_RULES_REJECTED, Outcome.FAILURE)
                    .detail("reason", e.getMessage()).detail("rules_in_force", current.size()));
        }
    }

    /** Compiles and checks rules without putting them in force: the validation endpoint's check. */
    public RuleSet build(List<Rule> rules) {
        List<Rule> all = new ArrayList<>(rules);
        all.forEach(check::validate);
        return RuleSet.of(all, config.strategy());
    }
}
