package dev.gatehouse.audit;

import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the audit query API's parameters into an {@link AuditFilter}; anything malformed is a 400 naming its
 * parameter. The window is absolute ({@code from}, {@code to}: RFC 3339 with an offset) or relative
 * ({@code since=now-24h}, units ms s m h d w); each filter column may be given several times (any value matches);
 * {@code q} is a keyword taken literally; {@code sort} is {@code desc} (newest first, the default) or {@code asc};
 * {@code page_size} 1–{@value #MAX_PAGE_SIZE}; {@code cursor} is what the previous page answered.
 */
public final class AuditQueries {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    private static final int MAX_VALUE = 256;
    private static final Pattern SINCE = Pattern.compile("now-(\\d{1,9})(ms|s|m|h|d|w)");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Set<String> DEVICE_CLASSES = Set.of("desktop", "mobile", "tablet", "bot", "other");
    /** Parameters that are not filters. */
    private static final Set<String> CONTROL = Set.of("from", "to", "since", "q", "sort", "page_size", "cursor",
            "include", "format");

    private AuditQueries() {
    }

    /** The filter a request's query parameters ask for; {@code now} anchors {@code since}. */
    public static AuditFilter parse(Map<String, List<String>> params, Instant now) {
        for (String name : params.keySet()) {
            if (!CONTROL.contains(name) && !AuditFilter.COLUMNS.contains(name)) {
                throw refused(name, "is not a filter of the audit log; filters: " + AuditFilter.COLUMNS);
            }
        }
        Instant from = one(params, "from").map(v -> instant("from", v)).orElse(null);
        Instant to = one(params, "to").map(v -> instant("to", v)).orElse(null);
        Optional<String> since = one(params, "since");
        if (since.isPresent()) {
            if (from != null) {
                throw refused("since", "give either since or from, not both");
            }
            from = since(since.get(), now);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw refused("to", "must be after from");
        }
        Map<String, List<String>> equals = new LinkedHashMap<>();
        for (String column : AuditFilter.COLUMNS) {
            List<String> values = params.get(column);
            if (values == null || values.isEmpty()) {
                continue;
            }
            for (String v : values) {
                check(column, v);
            }
            equals.put(column, List.copyOf(values));
        }
        Optional<String> q = one(params, "q").filter(s -> !s.isEmpty());
        q.ifPresent(s -> {
            if (s.length() > MAX_VALUE) {
                throw refused("q", "must be at most " + MAX_VALUE + " characters");
            }
        });
        boolean descending = switch (one(params, "sort").orElse("desc")) {
            case "desc", "time_desc", "-time" -> true;
            case "asc", "time_asc", "time" -> false;
            default -> throw refused("sort", "must be desc (newest first) or asc");
        };
        int size = one(params, "page_size").map(AuditQueries::pageSize).orElse(DEFAULT_PAGE_SIZE);
        Optional<AuditFilter.Cursor> cursor = one(params, "cursor").filter(s -> !s.isEmpty()).map(AuditQueries::cursor);
        return new AuditFilter(from, to, equals, q, descending, cursor, size);
    }

    /** The opaque cursor that continues after {@code row}. */
    public static String cursor(AuditRow row) {
        long micros = Math.multiplyExact(row.entry().occurredAt().getEpochSecond(), 1_000_000L)
                + row.entry().occurredAt().getNano() / 1000;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + micros + ":" + row.seq())
                .getBytes(StandardCharsets.US_ASCII));
    }

    static AuditFilter.Cursor cursor(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException();
            }
            long micros = Long.parseLong(parts[1]);
            long seq = Long.parseLong(parts[2]);
            return new AuditFilter.Cursor(Instant.EPOCH.plus(Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000)), seq);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw refused("cursor", "is not a cursor this API answered");
        }
    }

    private static void check(String column, String v) {
        if (v.isEmpty() || v.length() > MAX_VALUE) {
            throw refused(column, "must be 1 to " + MAX_VALUE + " characters");
        }
        switch (column) {
            case "result" -> AuditEntry.Result.parse(v).orElseThrow(() ->
                    refused(column, "must be success, failure or denied"));
            case "actor_type" -> AuditEntry.ActorType.parse(v).orElseThrow(() ->
                    refused(column, "must be identity, client, admin_key, system or anonymous"));
            case "device_class" -> {
                if (!DEVICE_CLASSES.contains(v)) {
                    throw refused(column, "must be one of " + DEVICE_CLASSES.stream().sorted().toList());
                }
            }
            case "event_type", "action", "resource_type" -> {
                if (!TOKEN.matcher(v).matches()) {
                    throw refused(column, "must be a lower-case name such as login_failed");
                }
            }
            default -> { }
        }
    }

    private static Instant instant(String field, String v) {
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw refused(field, "must be an RFC 3339 time with an offset, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static Instant since(String v, Instant now) {
        var m = SINCE.matcher(v.trim());
        if (!m.matches()) {
            throw refused("since", "must be now-<n><unit>, unit ms, s, m, h, d or w, e.g. now-24h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = m.group(2).equals("w") ? Duration.ofDays(7 * n)
                : ConfigReader.parseDuration(n + m.group(2)).orElseThrow();
        return now.minus(d);
    }

    private static int pageSize(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw refused("page_size", "must be a whole number from 1 to " + MAX_PAGE_SIZE);
    }

    /** A parameter that cannot be read: 400, naming it in {@code errors[0].field}. */
    public static ApiException refused(String field, String message) {
        return new ApiException(ApiError.MALFORMED_REQUEST, field + " " + message,
                List.of(new ApiException.FieldError(field, message)));
    }

    private static Optional<String> one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw refused(name, "may be given once");
        }
        return Optional.of(values.get(0));
    }
}
