package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.log.ServiceNames;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A saved search as the equivalent Loki LogQL query over Gatehouse's JSON logs. A security event is a record of the
 * {@code gatehouse.security} logger whose {@code message} is the event's JSON ({@code event}, {@code outcome},
 * {@code tenant}, {@code actor}, {@code subject}, {@code client}, {@code ip}, {@code details}, see
 * {@code SecurityEventLog}); the record itself carries {@code service_name}, {@code request_id} and {@code trace_id}.
 * So the query selects the streams by {@code service_name} (a stream label, as OpenTelemetry and Grafana Alloy make
 * it), parses the record, keeps the security logger's lines, filters on the record's ids, makes the message the line,
 * parses it and filters on the event's fields:
 *
 * <pre>{service_name="identity"} | json | module="gatehouse.security" | line_format "{{.message}}" | json
 *   | tenant="acme" | event="login_failed" | outcome="failure"</pre>
 *
 * A relative window ({@code since=now-24h}) becomes the range of a count ({@code [24h]}); an absolute one the
 * {@code start} and {@code end} of Loki's {@code query_range}. Filters on what only the audit log derives (the device
 * read from the User-Agent, actor kinds a log line cannot tell apart) have no counterpart: a 422 naming them.
 */
public final class LogQl {

    private static final String IDENTITY_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The {@code sort} values that mean oldest first, as {@code /admin/audit/events} reads them. */
    private static final java.util.Set<String> ASCENDING = java.util.Set.of("asc", "time_asc", "time");

    private LogQl() {
    }

    /**
     * @param query      the log query
     * @param countQuery {@code sum(count_over_time(query [range]))} when the window is relative
     * @param range      the relative window ({@code 24h}) or empty
     * @param start      the absolute window's start (RFC 3339) or empty; {@code end} likewise
     * @param direction  {@code backward} (newest first) or {@code forward}
     * @param limit      the search's page size
     */
    public record Rendered(String query, Optional<String> countQuery, Optional<String> range, Optional<String> start,
                           Optional<String> end, String direction, int limit) {
    }

    public static Rendered render(String tenant, SavedSearch search) {
        Map<String, List<String>> q = search.query();
        List<String> record = new ArrayList<>();
        List<String> event = new ArrayList<>();
        event.add(equal("tenant", List.of(tenant)));
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            List<String> v = e.getValue();
            switch (e.getKey()) {
                case "event_type" -> event.add(equal("event", v));
                case "action" -> event.add(matching("event", v.stream().map(a -> "(.+_)?" + regex(a)).toList()));
                case "resource_type" -> event.add(matching("event", v.stream().map(r -> regex(r) + "_.+").toList()));
                case "resource_id", "subject" -> event.add(equal("subject", v));
                case "actor_id" -> event.add(equal("actor", v));
                case "actor_type" -> event.add(matching("actor", v.stream().map(LogQl::actorType).toList()));
                case "client_id" -> event.add(equal("client", v));
                case "result" -> event.add(equal("outcome", v));
                case "reason" -> event.add(equal("details_reason", v));
                case "aal" -> event.add(equal("details_aal", v));
                case "ip" -> event.add(equal("ip", v));
                case "request_id" -> record.add(equal("request_id", v));
                case "trace_id" -> record.add(equal("trace_id", v));
                case "device_class", "os", "browser" -> throw ApiException.invalid(e.getKey(),
                        "is read from the User-Agent by the audit log and has no field in the log lines");
                default -> { }
            }
        }
        StringBuilder b = new StringBuilder(selector(q.get("event_type"))).append(" | json | module=\"gatehouse.security\"");
        record.forEach(f -> b.append(" | ").append(f));
        b.append(" | line_format \"{{.message}}\"");
        one(q, "q").ifPresent(k -> b.append(" |~ ").append(string("(?i)" + regex(k))));
        b.append(" | json");
        event.forEach(f -> b.append(" | ").append(f));
        String query = b.toString();
        Optional<String> range = one(q, "since").map(s -> s.trim().substring("now-".length()));
        Optional<String> count = range.map(r -> "sum(count_over_time(" + query + " [" + r + "]))");
        boolean ascending = one(q, "sort").map(ASCENDING::contains).orElse(false);
        int limit = one(q, "page_size").map(Integer::parseInt).orElse(dev.gatehouse.audit.AuditQueries.DEFAULT_PAGE_SIZE);
        return new Rendered(query, count, range, one(q, "from"), one(q, "to"), ascending ? "forward" : "backward", limit);
    }

    /** The streams of the services the event types belong to; all of them without event types. */
    private static String selector(List<String> eventTypes) {
        if (eventTypes == null) {
            return "{service_name=~\".+\"}";
        }
        TreeSet<String> services = new TreeSet<>();
        eventTypes.forEach(t -> services.add(ServiceNames.ofEventType(t.toUpperCase(Locale.ROOT))));
        return services.size() == 1 ? "{service_name=" + string(services.first()) + "}"
                : "{service_name=~" + string(String.join("|", services)) + "}";
    }

    private static String actorType(String type) {
        return switch (type) {
            case "identity" -> IDENTITY_ID;
            case "admin_key" -> regex(RequestActor.ADMIN_API_KEY);
            default -> throw ApiException.invalid("actor_type",
                    "only identity and admin_key can be told apart in the log lines, not " + type);
        };
    }

    private static String equal(String label, List<String> values) {
        return values.size() == 1 ? label + "=" + string(values.get(0))
                : matching(label, values.stream().map(LogQl::regex).toList());
    }

    private static String matching(String label, List<String> patterns) {
        return label + "=~" + string(String.join("|", patterns));
    }

    /** A LogQL string literal: double quotes, with backslash and quote escaped. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** {@code s} matched literally by a RE2 regular expression. */
    static String regex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static Optional<String> one(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
