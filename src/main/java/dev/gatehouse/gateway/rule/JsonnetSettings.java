package dev.gatehouse.gateway.rule;

import java.time.Duration;
import java.util.Map;

/**
 * How jsonnet rule documents are evaluated: the external variables {@code std.extVar} reads
 * ({@code gatehouse.gateway.rules.jsonnet.ext-vars}) and how long one evaluation may take
 * ({@code gatehouse.gateway.rules.jsonnet.timeout}).
 */
public record JsonnetSettings(Map<String, String> extVars, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** No external variables, the default time bound. */
    public static final JsonnetSettings DEFAULTS = new JsonnetSettings(Map.of(), DEFAULT_TIMEOUT);

    public JsonnetSettings {
        extVars = Map.copyOf(extVars);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the jsonnet timeout must be positive");
        }
    }

    public static JsonnetSettings withExtVars(Map<String, String> extVars) {
        return new JsonnetSettings(extVars, DEFAULT_TIMEOUT);
    }
}
