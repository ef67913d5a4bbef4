package dev.gatehouse.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (the grammar of
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-format-details): {@code # HELP} and
 * {@code # TYPE} lines, other comments, and samples {@code name{label="value",...} value [timestamp]}, with the
 * escapes {@code \\}, {@code \"} and {@code \n} in label values. A line that does not follow it fails the parse,
 * as it would fail Prometheus' scrape. The Prometheus Java client only writes this format, so the tests read it
 * with this.
 */
public final class PrometheusText {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** Samples read by another parser ({@link PrometheusClientParser}). */
    static PrometheusText of(List<Sample> samples, Map<String, String> types) {
        return new PrometheusText(List.copyOf(samples), Map.copyOf(types));
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    requireName(parts[2], n, false);
                    if (parts[1].equals("TYPE")) {
                        if (parts.length != 4 || !List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[3])) {
                            throw new IllegalArgumentException("line " + n + ": bad TYPE: " + line);
                        }
                        if (types.put(parts[2], parts[3]) != null) {
                            throw new IllegalArgumentException("line " + n + ": second TYPE for " + parts[2]);
                        }
                    }
                }
                continue;
            }
            samples.add(sample(line, n));
        }
        return new PrometheusText(List.copyOf(samples), types);
    }

    private static Sample sample(String line, int n) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        requireName(name, n, false);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException("line " + n + ": label without '=': " + line);
                }
                String label = line.substring(i, eq);
                requireName(label, n, true);
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("line " + n + ": label value not quoted: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char e = line.charAt(j + 1);
                        value.append(switch (e) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw new IllegalArgumentException("line " + n + ": bad escape \\" + e);
                        });
                        j += 2;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("line " + n + ": label " + label + " twice");
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else if (line.charAt(i) != '}') {
                    throw new IllegalArgumentException("line " + n + ": expected ',' or '}': " + line);
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException("line " + n + ": no value: " + line);
        }
        String[] rest = line.substring(i + 1).trim().split(" +");
        if (rest.length > 2) {
            throw new IllegalArgumentException("line " + n + ": too many fields: " + line);
        }
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, Map.copyOf(labels), value);
    }

    private static void requireName(String name, int n, boolean label) {
        String pattern = label ? "[a-zA-Z_][a-zA-Z0-9_]*" : "[a-zA-Z_:][a-zA-Z0-9_:]*";
        if (!name.matches(pattern)) {
            throw new IllegalArgumentException("line " + n + ": not a " + (label ? "label" : "metric") + " name: " + name);
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    public Map<String, String> types() {
        return types;
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sum of the samples named {@code name} whose labels include every one given (pairs: key, value). */
    public double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).mapToDouble(Sample::value).sum();
    }

    public Optional<Sample> first(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s, labels)).findFirst();
    }

    private static boolean matches(Sample s, String[] labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
