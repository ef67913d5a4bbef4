package dev.gatehouse.platform.metrics;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboards and alert rules in {@code observability/} parse, and every series they query is one Gatehouse
 * registers ({@link MetricNames}) or one of Liberty's that {@link #LIBERTY_SERIES} lists (MetricsIT checks
 * both against a real {@code /metrics}).
 */
public class ObservabilityFilesTest {

    public static final Path DIR = Path.of("observability");
    /** Liberty's own series (vendor and base scopes) the dashboards and rules use. */
    public static final Set<String> LIBERTY_SERIES = Set.of("connectionpool_managedConnections", "connectionpool_connectionHandles",
            "connectionpool_queuedRequests_total", "memory_usedHeap_bytes", "memory_maxHeap_bytes");
    private static final Pattern SERIES = Pattern.compile("\\b(gatehouse_[a-z0-9_]+|connectionpool_[A-Za-z_]+|memory_[A-Za-z_]+"
            + "|jvm_[A-Za-z_]+|cpu_[A-Za-z_]+|thread_[A-Za-z_]+)\\b");

    /** Every PromQL expression in the dashboards and rule files, with where it is. */
    public static List<String[]> expressions() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("grafana/dashboards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonObject dashboard;
                try (Reader r = Files.newBufferedReader(f); JsonReader json = Json.createReader(r)) {
                    dashboard = json.readObject();
                }
                assertFalse(dashboard.getString("uid").isBlank(), f.toString());
                for (JsonValue p : dashboard.getJsonArray("panels")) {
                    JsonArray targets = p.asJsonObject().getJsonArray("targets");
                    for (JsonValue t : targets) {
                        out.add(new String[] {f + " " + p.asJsonObject().getString("title"), t.asJsonObject().getString("expr")});
                    }
                }
            }
        }
        Path rules = DIR.resolve("prometheus/alerts.yml");
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(rules)) {
            doc = new Yaml().load(r);
        }
        for (Object g : (List<?>) doc.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) g).get("rules")) {
                Map<?, ?> m = (Map<?, ?>) rule;
                assertTrue(m.get("alert") instanceof String, "every rule is an alert with a name: " + m);
                out.add(new String[] {rules + " " + m.get("alert"), String.valueOf(m.get("expr"))});
            }
        }
        return out;
    }

    /** The series an expression names. */
    public static Set<String> series(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = SERIES.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void dashboardsAndRulesWhenParsedThenEveryQueriedSeriesIsOneGatehouseOrLibertyRegisters() throws IOException {
        Set<String> known = new TreeSet<>(MetricNames.prometheus());
        known.addAll(LIBERTY_SERIES);
        List<String> unknown = new ArrayList<>();
        List<String[]> exprs = expressions();
        for (String[] e : exprs) {
            assertFalse(e[1].isBlank(), "empty expression in " + e[0]);
            Set<String> names = series(e[1]);
            assertFalse(names.isEmpty(), "no series in " + e[0] + ": " + e[1]);
            names.stream().filter(n -> !known.contains(n)).forEach(n -> unknown.add(n + " in " + e[0]));
        }
        assertEquals(List.of(), unknown);
        assertTrue(exprs.size() > 20, "dashboards and rules found: " + exprs.size());
    }

    @Test
    void rulesWhenReadThenTheAlertsOperatorsNeedAreThere() throws IOException {
        Set<String> alerts = new TreeSet<>();
        expressions().stream().filter(e -> e[0].contains("alerts.yml")).forEach(e -> alerts.add(e[0].substring(e[0].lastIndexOf(' ') + 1)));
        assertTrue(alerts.containsAll(Set.of("GatehouseNotReady", "GatehouseErrorRate", "GatehouseRepeatedDenials",
                "GatehouseLockoutSpike", "GatehouseCourierBacklog", "GatehouseKeyRotationOverdue")), alerts.toString());
    }
}
