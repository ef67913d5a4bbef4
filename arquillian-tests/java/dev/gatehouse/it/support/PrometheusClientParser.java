package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus project's own text-format parser ({@code prometheus_client.parser} of its Python client, Debian's
 * {@code python3-prometheus-client}, which {@code provision.sh} installs), run on a scrape: what it reads is what a
 * Prometheus client library makes of the text. No Java library parses the text format (the Java clients only
 * write it), so the tests cross-check {@link PrometheusText}'s strict reading against this one.
 */
public final class PrometheusClientParser {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = """
            import json, math, sys
            from prometheus_client.parser import text_string_to_metric_families
            def text(v):
                if math.isnan(v): return "NaN"
                if math.isinf(v): return "Infinity" if v > 0 else "-Infinity"
                return repr(float(v))
            out = []
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    out.append({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels,
                                "value": text(s.value)})
            json.dump(out, sys.stdout)
            """;

    private PrometheusClientParser() {
    }

    /** The samples of {@code text} as the Prometheus client's parser reads them; fails where it fails. */
    public static PrometheusText parse(String text) {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT).redirectErrorStream(false).start();
            try (var in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalArgumentException("the Prometheus client's parser refused the scrape: " + err);
            }
            List<PrometheusText.Sample> samples = new ArrayList<>();
            Map<String, String> types = new LinkedHashMap<>();
            try (JsonReader r = Json.createReader(new StringReader(out))) {
                JsonArray all = r.readArray();
                for (JsonValue v : all) {
                    JsonObject s = v.asJsonObject();
                    Map<String, String> labels = new LinkedHashMap<>();
                    s.getJsonObject("labels").forEach((k, l) -> labels.put(k, ((jakarta.json.JsonString) l).getString()));
                    samples.add(new PrometheusText.Sample(s.getString("name"), Map.copyOf(labels),
                            Double.parseDouble(s.getString("value"))));
                    types.putIfAbsent(s.getString("family"), s.getString("type"));
                }
            }
            return PrometheusText.of(samples, types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + PYTHON + " (python3-prometheus-client, see provision.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
