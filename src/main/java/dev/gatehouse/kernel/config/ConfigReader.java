package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the keys of one capability ({@code gatehouse.<capability>.<name>}) from MicroProfile Config with
 * strict parsing. A value that does not parse throws {@link InvalidConfigException} naming the key, so a
 * typo stops start-up with one clear line instead of surfacing later as odd behaviour.
 */
public final class ConfigReader {

    private static final int MAX_SHOWN = 60;

    private final Config config;
    private final String prefix;

    private ConfigReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    public static ConfigReader of(Config config, String capability) {
        return new ConfigReader(config, "gatehouse." + capability + ".");
    }

    /** The environment variable MicroProfile Config maps to a key: non-alphanumerics to '_', upper case. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public String key(String name) {
        return prefix + name;
    }

    public Optional<String> optionalString(String name) {
        return config.getOptionalValue(key(name), String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> new InvalidConfigException(key(name), null, "a value is required"));
    }

    /** A secret: never shown in an error. Empty means absent. */
    public Optional<String> optionalSecret(String name, int minLength) {
        Optional<String> value = optionalString(name);
        value.ifPresent(v -> {
            if (v.length() < minLength) {
                throw new InvalidConfigException(key(name), null, "must be at least " + minLength + " characters long");
            }
        });
        return value;
    }

    public boolean bool(String name) {
        String v = string(name).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(name, v, "must be true or false");
        };
    }

    public long positiveLong(String name) {
        String v = string(name);
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n <= 0) {
                throw invalid(name, v, "must be a positive whole number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(name, v, "must be a positive whole number");
        }
    }

    public int intInRange(String name, int min, int max) {
        String v = string(name);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw invalid(name, v, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(name, v, "must be a whole number between " + min + " and " + max);
        }
    }

    /** An ISO-8601 duration (PT15M) or a number with a unit: 500ms, 30s, 15m, 2h, 30d. */
    public Duration duration(String name) {
        String v = string(name);
        Duration d = parseDuration(v).orElseThrow(() ->
                invalid(name, v, "must be a duration such as 30s, 15m, 2h, 30d or PT15M"));
        if (d.isNegative() || d.isZero()) {
            throw invalid(name, v, "must be longer than zero");
        }
        return d;
    }

    /** A duration that may be zero ({@code 0s}); absent means zero. */
    public Duration durationOrZero(String name) {
        String v = optionalString(name).orElse("0s");
        Duration d = parseDuration(v).orElseThrow(() -> invalid(name, v, "must be a duration such as 0s, 30s or 5m"));
        if (d.isNegative()) {
            throw invalid(name, v, "must not be negative");
        }
        return d;
    }

    public URI absoluteUri(String name) {
        String v = string(name);
        try {
            URI uri = URI.create(v);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw invalid(name, v, "must be an absolute URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid(name, v, "must be an absolute URL");
        }
    }

    public List<String> list(String name) {
        return optionalString(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String v = string(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) {
                return e;
            }
        }
        throw invalid(name, v, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }

    public static Optional<Duration> parseDuration(String v) {
        String s = v.trim();
        try {
            if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            }
            var m = java.util.regex.Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)").matcher(s.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private InvalidConfigException invalid(String name, String value, String problem) {
        String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
        return new InvalidConfigException(key(name), shown, problem);
    }
}
