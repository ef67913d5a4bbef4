package dev.gatehouse.platform.metrics;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Counts security events: the one place sign-ins, registrations, lockouts, second factors, tokens, gateway
 * decisions and the courier's deliveries become series, so no capability keeps counters of its own. As with the
 * security log, a success is counted once its transaction commits and failures and denials at once. Every label
 * value is bounded: tenants by {@link Tenants}, words a client could choose (a grant type) by a list of known ones.
 */
@ApplicationScoped
public class SecurityEventMetrics {

    /** Grant types a label may name; anything else a client sends is {@code other}. */
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "client_credentials", "refresh_token",
            "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange", "password", "implicit");
    /** Second factors: a refusal of one of these counts as a failed challenge. */
    static final Set<String> SECOND_FACTORS = Set.of("totp", "lookup_secret", "webauthn");
    private static final Pattern WORD = Pattern.compile("[a-z0-9_:.-]{1,64}");

    @Inject
    MetricRegistry registry;
    @Inject
    Tenants tenants;
    private final ConcurrentMap<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public void onEvent(@Observes SecurityEvent event) {
        if (event.outcome() != Outcome.SUCCESS) {
            count(event);
        }
    }

    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        if (event.outcome() == Outcome.SUCCESS) {
            count(event);
        }
    }

    void count(SecurityEvent e) {
        String method = word(e.details().get("method"));
        switch (e.type()) {
            case LOGIN -> {
                inc(MetricNames.SIGNINS, e, "method", method, "result", "success");
                if ("aal2".equals(e.details().get("aal"))) {
                    inc(MetricNames.MFA_CHALLENGES, e, "method", method, "result", "success");
                }
            }
            case LOGIN_FAILED -> {
                inc(MetricNames.SIGNINS, e, "method", method, "result", "failure");
                if (SECOND_FACTORS.contains(method) && e.subject() != null) {
                    inc(MetricNames.MFA_CHALLENGES, e, "method", method, "result", "failure");
                }
            }
            case REGISTRATION -> inc(MetricNames.REGISTRATIONS, e, "method", method, "result", "success");
            case LOGIN_LOCKOUT -> inc(MetricNames.LOCKOUTS, e, "kind", word(e.details().get("kind")));
            case OAUTH2_CLIENT_LOCKOUT -> inc(MetricNames.LOCKOUTS, e, "kind", "client_" + word(e.details().get("kind")));
            case OAUTH2_TOKEN_ISSUED -> tokensIssued(e);
            case OAUTH2_TOKEN_FAILED -> inc(MetricNames.TOKEN_FAILURES, e, "grant_type", grantType(e),
                    "error", word(e.details().get("error")));
            case GATEWAY_ALLOWED, GATEWAY_DENIED, GATEWAY_NO_RULE, GATEWAY_AMBIGUOUS_RULES -> decision(e);
            case MESSAGE_SENT -> inc(MetricNames.COURIER_SENT, e, "channel", channel(e));
            case MESSAGE_ABANDONED -> inc(MetricNames.COURIER_SEND_FAILURES, e, "channel", channel(e));
            default -> {
                // not a series of its own; the security log has it
            }
        }
    }

    private void tokensIssued(SecurityEvent e) {
        String grant = grantType(e);
        inc(MetricNames.TOKENS_ISSUED, e, "grant_type", grant, "token", "access_token");
        if ("true".equals(e.details().get("refresh_token"))) {
            inc(MetricNames.TOKENS_ISSUED, e, "grant_type", grant, "token", "refresh_token");
        }
        if ("true".equals(e.details().get("id_token"))) {
            inc(MetricNames.TOKENS_ISSUED, e, "grant_type", grant, "token", "id_token");
        }
    }

    private void decision(SecurityEvent e) {
        String outcome = e.outcome() == Outcome.SUCCESS ? "allowed" : "denied";
        String rule = e.details().get("rule_id");
        String error = e.details().get("error");
        inc(MetricNames.GATEWAY_DECISIONS, e, "rule", rule == null ? "none" : bounded(rule),
                "outcome", outcome, "error", error == null ? "none" : word(error));
        String micros = e.details().get("latency_us");
        if (micros != null) {
            try {
                registry.timer(MetricNames.GATEWAY_DECISION_TIME, new Tag("outcome", outcome))
                        .update(Duration.ofNanos(Long.parseLong(micros) * 1000));
            } catch (NumberFormatException ignored) {
                // written by the gateway itself; a value that is not a number is not a duration to record
            }
        }
    }

    private void inc(String name, SecurityEvent e, String... tags) {
        String tenant = tenants.label(e.tenant());
        List<String> key = new ArrayList<>(tags.length + 2);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        key.add(tenant);
        // every label value is bounded, so this map is too; the registry's own look-up costs more than the count
        counters.computeIfAbsent(key, k -> {
            Tag[] all = new Tag[tags.length / 2 + 1];
            for (int i = 0; i < tags.length; i += 2) {
                all[i / 2] = new Tag(tags[i], tags[i + 1]);
            }
            all[all.length - 1] = new Tag("tenant", tenant);
            return registry.counter(name, all);
        }).inc();
    }

    private static String grantType(SecurityEvent e) {
        String g = e.details().get("grant_type");
        return g == null ? "none" : GRANT_TYPES.contains(g) ? g : "other";
    }

    private static String channel(SecurityEvent e) {
        String c = e.details().get("channel");
        return c == null ? "email" : word(c);
    }

    private static String word(String value) {
        if (value == null) {
            return "none";
        }
        String v = value.toLowerCase(Locale.ROOT);
        return WORD.matcher(v).matches() ? v : "other";
    }

    private static String bounded(String ruleId) {
        return ruleId.length() <= 128 ? ruleId : ruleId.substring(0, 128);
    }
}
