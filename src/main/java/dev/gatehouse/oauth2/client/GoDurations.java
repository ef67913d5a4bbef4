package dev.gatehouse.oauth2.client;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Hydra writes its {@code *_lifespan} fields: Go's {@code time.Duration} text such as {@code 1h},
 * {@code 30m}, {@code 1h30m0s} or {@code 500ms}. Parsed strictly (whole numbers, units h, m, s, ms), written
 * as Go writes them ({@code 1h0m0s}).
 */
public final class GoDurations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,10}(?:h|ms|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,10})(h|ms|m|s)");

    private GoDurations() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
        }
        return Optional.of(total);
    }

    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = d.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        out.append(d.toSecondsPart());
        if (d.toMillisPart() > 0) {
            out.append('.').append(String.format("%03d", d.toMillisPart()).replaceAll("0+$", ""));
        }
        return out.append('s').toString();
    }
}
