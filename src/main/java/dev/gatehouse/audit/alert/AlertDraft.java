package dev.gatehouse.audit.alert;

import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.audit.metrics.MetricWindow;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An alert rule as a request states it, checked: {@code name}, {@code query} (the filters {@code /admin/audit/events}
 * takes, each a string or an array of strings; the window is the rule's own), optional {@code search_id},
 * {@code group_by} (default {@code none}), {@code threshold} (fires when the count is above it), {@code window}
 * ({@code 5m}, {@code 1h}; at most a day) and {@code webhook} {@code {url, secret}} (http or https; the secret may be
 * left out when a rule is replaced, to keep the one it has). Anything wrong is a 400 naming the field.
 *
 * @param secret the webhook secret given, or null
 */
public record AlertDraft(String name, Map<String, List<String>> query, String searchId, AlertGroupBy groupBy,
                         long threshold, Duration window, URI webhookUrl, String secret) {

    public static final Duration MAX_WINDOW = Duration.ofDays(1);
    public static final long MAX_THRESHOLD = 1_000_000;
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2000;
    private static final int MAX_SEARCH_ID = 64;
    private static final Set<String> FIELDS = Set.of("name", "query", "search_id", "group_by", "threshold", "window",
            "webhook");
    /** Query parameters that are not filters: the rule has its own window, and no pages. */
    private static final Set<String> NOT_IN_QUERY = Set.of("from", "to", "since", "sort", "page_size", "cursor",
            "include", "format");

    public AlertDraft {
        query = Map.copyOf(query);
    }

    /** Without the secret, so that no log line or message can carry it. */
    @Override
    public String toString() {
        return "AlertDraft[name=" + name + ", query=" + query + ", groupBy=" + groupBy + ", threshold=" + threshold
                + ", window=" + window + ", webhookUrl=" + webhookUrl + ", secret=" + (secret == null ? "none" : "***") + "]";
    }

    /** @param secretRequired whether the webhook must carry a secret (a new rule) */
    public static AlertDraft parse(JsonObject body, Instant now, boolean secretRequired) {
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw refused(key, "is not a field of an alert rule; fields: " + FIELDS.stream().sorted().toList());
            }
        }
        String name = text(body, "name", MAX_NAME, true);
        Map<String, List<String>> query = query(body.get("query"), now);
        String searchId = text(body, "search_id", MAX_SEARCH_ID, false);
        String groupByText = text(body, "group_by", 32, false);
        AlertGroupBy groupBy = groupByText == null ? AlertGroupBy.NONE : AlertGroupBy.parse(groupByText).orElseThrow(() ->
                refused("group_by", "must be one of " + java.util.Arrays.stream(AlertGroupBy.values()).map(AlertGroupBy::wire).toList()));
        long threshold = threshold(body.get("threshold"));
        String windowText = text(body, "window", 16, true);
        Duration window = MetricWindow.length("window", windowText, MAX_WINDOW);
        if (!(body.get("webhook") instanceof JsonObject webhook)) {
            throw refused("webhook", "must be an object {url, secret}");
        }
        for (String key : webhook.keySet()) {
            if (!key.equals("url") && !key.equals("secret")) {
                throw refused("webhook." + key, "is not a field of a webhook; fields: [secret, url]");
            }
        }
        URI url = url(text(webhook, "url", "webhook.url", MAX_URL, true));
        String secret = webhook.containsKey("secret") ? text(webhook, "secret", "webhook.secret", 300, true) : null;
        if (secret == null && secretRequired) {
            throw refused("webhook.secret", "is required");
        }
        if (secret != null) {
            String problem = WebhookSignature.problem(secret);
            if (problem != null) {
                throw refused("webhook.secret", problem);
            }
        }
        return new AlertDraft(name, query, searchId, groupBy, threshold, window, url, secret);
    }

    private static Map<String, List<String>> query(JsonValue value, Instant now) {
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw refused("query", "must be an object of filters, as /admin/audit/events takes them");
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String field = "query." + e.getKey();
            if (NOT_IN_QUERY.contains(e.getKey())) {
                throw refused(field, "is not a filter; the rule's window is its own field");
            }
            List<String> values = new ArrayList<>();
            if (e.getValue() instanceof JsonString s) {
                values.add(s.getString());
            } else if (e.getValue() instanceof JsonArray array && !array.isEmpty() && array.size() <= 100
                    && array.stream().allMatch(v -> v instanceof JsonString)) {
                array.getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
            } else {
                throw refused(field, "must be a string or an array of 1 to 100 strings");
            }
            query.put(e.getKey(), List.copyOf(values));
        }
        try {
            AuditQueries.parse(query, now);
        } catch (ApiException e) {
            List<ApiException.FieldError> errors = e.fieldErrors().stream()
                    .map(f -> new ApiException.FieldError("query." + f.field(), f.message())).toList();
            throw new ApiException(e.error(), errors.isEmpty() ? e.detail() : errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
        return query;
    }

    private static long threshold(JsonValue value) {
        if (value instanceof JsonNumber n && n.isIntegral()) {
            long t = n.longValue();
            if (t >= 0 && t < MAX_THRESHOLD) {
                return t;
            }
        }
        throw refused("threshold", "must be a whole number from 0 to " + (MAX_THRESHOLD - 1)
                + " (the rule fires when the count is above it)");
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw refused("webhook.url", "must be an absolute http or https URL without user info or fragment");
    }

    private static String text(JsonObject object, String name, int max, boolean required) {
        return text(object, name, name, max, required);
    }

    private static String text(JsonObject object, String name, String field, int max, boolean required) {
        JsonValue v = object.get(name);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw refused(field, "is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > max) {
            throw refused(field, "must be a text of 1 to " + max + " characters");
        }
        return s.getString().trim();
    }

    private static ApiException refused(String field, String message) {
        return AuditQueries.refused(field, message);
    }
}
