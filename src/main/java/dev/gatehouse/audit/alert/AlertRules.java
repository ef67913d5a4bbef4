package dev.gatehouse.audit.alert;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's alert rules: created, replaced, deleted (each an admin change with its security event), read. The
 * webhook secret is sealed before it is stored and never answered; a replacement without a secret keeps the old one.
 */
@ApplicationScoped
public class AlertRules {

    private AlertStore store;
    private WebhookSecrets secrets;
    private SecurityEvents events;
    private Clock clock;

    protected AlertRules() {
    }

    @Inject
    public AlertRules(AlertStore store, WebhookSecrets secrets, SecurityEvents events, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AlertRule create(TenantId tenant, AlertDraft draft, String actor) {
        if (store.count(tenant.value()) >= AlertStore.MAX_RULES_PER_TENANT) {
            throw new ApiException(ApiError.CONFLICT, "A tenant may have at most " + AlertStore.MAX_RULES_PER_TENANT
                    + " alert rules");
        }
        String id = Ids.uuid().toString();
        Instant now = clock.instant();
        AlertRule rule = rule(tenant, id, draft, secrets.seal(tenant.value(), id, draft.secret()), now, now);
        store.insert(rule);
        fire(SecurityEventType.AUDIT_ALERT_CREATED, rule, actor);
        return rule;
    }

    @Transactional
    public AlertRule replace(TenantId tenant, String id, AlertDraft draft, String actor) {
        AlertRule old = store.find(tenant.value(), id).orElseThrow(AlertRules::notFound);
        var secret = draft.secret() == null ? old.secret() : secrets.seal(tenant.value(), id, draft.secret());
        AlertRule rule = rule(tenant, id, draft, secret, old.createdAt(), clock.instant());
        store.update(rule);
        fire(SecurityEventType.AUDIT_ALERT_UPDATED, rule, actor);
        return rule;
    }

    @Transactional
    public void delete(TenantId tenant, String id, String actor) {
        AlertRule rule = store.find(tenant.value(), id).orElseThrow(AlertRules::notFound);
        store.delete(tenant.value(), id);
        fire(SecurityEventType.AUDIT_ALERT_DELETED, rule, actor);
    }

    @Transactional
    public AlertRule get(TenantId tenant, String id) {
        return store.find(tenant.value(), id).orElseThrow(AlertRules::notFound);
    }

    @Transactional
    public List<AlertRule> list(TenantId tenant) {
        return store.list(tenant.value());
    }

    /** A window as a rule shows it: {@code 5m}, {@code 2h}, {@code 1d}, {@code 90s}. */
    public static String windowText(Duration window) {
        long ms = window.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static AlertRule rule(TenantId tenant, String id, AlertDraft d, dev.gatehouse.jwk.KeyEncryptionKey.Sealed secret,
                                  Instant created, Instant updated) {
        return new AlertRule(tenant.value(), id, d.name(), d.query(), d.searchId(), d.groupBy(), d.threshold(), d.window(),
                d.webhookUrl(), secret, created, updated);
    }

    private void fire(SecurityEventType type, AlertRule rule, String actor) {
        events.fire(SecurityEvent.of(type, Outcome.SUCCESS).tenant(rule.tenant()).actor(actor).subject(rule.id())
                .detail("rule_name", rule.name()));
    }

    /** Ids are only looked up within the tenant: another tenant's rule is as absent as a made-up id. */
    private static ApiException notFound() {
        return ApiException.notFound("No alert rule with this id");
    }
}
