package dev.gatehouse.audit.metrics;

import dev.gatehouse.audit.AuditQueries;
import dev.gatehouse.kernel.config.ConfigReader;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A time window of the audit log that ends now: {@code now-7d} (or just {@code 7d}), units ms s m h d w, from
 * {@value #MIN_MILLIS} ms up to {@code max}. Anything else is a 400 naming the parameter.
 */
public record MetricWindow(Instant from, Instant to) {

    private static final long MIN_MILLIS = 1000;
    private static final Pattern LENGTH = Pattern.compile("(?:now-)?(\\d{1,9})(ms|s|m|h|d|w)");

    /** The window {@code value} names, ending at {@code now}. */
    public static MetricWindow parse(String field, String value, Instant now, Duration max) {
        return new MetricWindow(now.minus(length(field, value, max)), now);
    }

    /** How long a window {@code value} ({@code 5m}, {@code now-24h}) lasts. */
    public static Duration length(String field, String value, Duration max) {
        var m = LENGTH.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            throw AuditQueries.refused(field, "must be a length such as 5m, 24h, 7d or now-7d (units ms, s, m, h, d, w)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = m.group(2).equals("w") ? Duration.ofDays(7 * n) : ConfigReader.parseDuration(n + m.group(2)).orElseThrow();
        if (d.toMillis() < MIN_MILLIS || d.compareTo(max) > 0) {
            throw AuditQueries.refused(field, "must be from 1s to " + max.toDays() + "d");
        }
        return d;
    }
}
