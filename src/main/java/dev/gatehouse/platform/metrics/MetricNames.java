package dev.gatehouse.platform.metrics;

import java.util.List;
import java.util.stream.Stream;

/**
 * The names of Gatehouse's own series as Prometheus shows them (MicroProfile Metrics turns the
 * counter {@code gatehouse_signins} into {@code gatehouse_signins_total}, a timer into {@code _seconds_count},
 * {@code _seconds_sum}, {@code _seconds_max} and {@code _seconds_bucket}). The dashboards and alert rules in
 * {@code observability/} may name only these, Liberty's vendor series and the JVM's; a test holds them to it.
 */
public final class MetricNames {

    /** Timer: HTTP requests by route template, method, status class and tenant. */
    public static final String HTTP_REQUESTS = "gatehouse_http_server_requests";
    /** Counter: sign-ins by method, result and tenant. */
    public static final String SIGNINS = "gatehouse_signins";
    /** Counter: registrations by method, result and tenant. */
    public static final String REGISTRATIONS = "gatehouse_registrations";
    /** Counter: lockouts (of an identifier, an address, a second factor, a client) by kind and tenant. */
    public static final String LOCKOUTS = "gatehouse_lockouts";
    /** Counter: second-factor challenges answered, by method, result and tenant. */
    public static final String MFA_CHALLENGES = "gatehouse_mfa_challenges";
    /** Counter: tokens issued by grant type, token kind and tenant. */
    public static final String TOKENS_ISSUED = "gatehouse_oauth2_tokens_issued";
    /** Counter: token requests refused, by grant type, error and tenant. */
    public static final String TOKEN_FAILURES = "gatehouse_oauth2_token_failures";
    /** Counter: gateway decisions by rule id, outcome, error and tenant. */
    public static final String GATEWAY_DECISIONS = "gatehouse_gateway_decisions";
    /** Timer: how long the gateway took to decide, by outcome. */
    public static final String GATEWAY_DECISION_TIME = "gatehouse_gateway_decision";
    /** Counter: messages the courier sent, by channel. */
    public static final String COURIER_SENT = "gatehouse_courier_sent";
    /** Counter: messages the courier gave up on, by channel. */
    public static final String COURIER_SEND_FAILURES = "gatehouse_courier_send_failures";
    /** Gauge: messages waiting in the outbox, by channel. */
    public static final String COURIER_QUEUE_DEPTH = "gatehouse_courier_queue_depth";
    /** Gauge: seconds since the current signing key was made. */
    public static final String SIGNING_KEY_AGE = "gatehouse_jwk_signing_key_age";
    /** Gauge: seconds until the signing key is due to be rotated (negative when overdue). */
    public static final String SIGNING_KEY_ROTATION_DUE = "gatehouse_jwk_signing_key_rotation_due";
    /**
     * Counter: uses of each key (signatures made, tokens verified), by set, kid and use; a key's series are removed
     * with the key, so the label values are bounded by the live keys.
     */
    public static final String SIGNING_KEY_USES = "gatehouse_jwk_signing_key_uses";

    /** Gauge: 1 while the node is ready (database reachable, migrations applied), else 0. */
    public static final String READY = "gatehouse_ready";

    private MetricNames() {
    }

    /** Every series name Gatehouse itself registers, as Prometheus shows it. */
    public static List<String> prometheus() {
        return Stream.of(
                timer(HTTP_REQUESTS), counter(SIGNINS), counter(REGISTRATIONS), counter(LOCKOUTS),
                counter(MFA_CHALLENGES), counter(TOKENS_ISSUED), counter(TOKEN_FAILURES), counter(GATEWAY_DECISIONS),
                timer(GATEWAY_DECISION_TIME), counter(COURIER_SENT), counter(COURIER_SEND_FAILURES),
                gauge(COURIER_QUEUE_DEPTH), gauge(READY), gauge(SIGNING_KEY_AGE + "_seconds"), gauge(SIGNING_KEY_ROTATION_DUE + "_seconds"),
                counter(SIGNING_KEY_USES))
                .flatMap(List::stream).toList();
    }

    private static String base(String name) {
        return name;
    }

    private static List<String> counter(String name) {
        return List.of(base(name) + "_total");
    }

    private static List<String> gauge(String name) {
        return List.of(base(name));
    }

    private static List<String> timer(String name) {
        String b = base(name) + "_seconds";
        return List.of(b + "_count", b + "_sum", b + "_max", b + "_bucket");
    }
}
