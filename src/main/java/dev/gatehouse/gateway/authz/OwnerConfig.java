package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.OptionalInt;

/**
 * {@code owner}'s config: where the owner is, a path segment ({@code path_segment}, when the key is there) or else a
 * capture group ({@code capture_group}, 0 by default); neither may be negative.
 */
record OwnerConfig(OptionalInt pathSegment, int captureGroup) {

    static OwnerConfig parse(JsonObject config) {
        int captureGroup = HandlerConfigs.integer(config, "capture_group", 0);
        if (captureGroup < 0 || HandlerConfigs.integer(config, "path_segment", 0) < 0) {
            throw new IllegalArgumentException("capture_group and path_segment must not be negative");
        }
        return new OwnerConfig(config.containsKey("path_segment")
                ? OptionalInt.of(HandlerConfigs.integer(config, "path_segment", 0)) : OptionalInt.empty(), captureGroup);
    }
}
