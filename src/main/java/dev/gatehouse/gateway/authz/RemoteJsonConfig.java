package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;

/** {@code remote_json}'s config: {@code remote}'s, and the templated JSON {@code payload} (required). */
record RemoteJsonConfig(RemoteConfig remote, Template payload) {

    static RemoteJsonConfig parse(JsonObject config) {
        RemoteConfig remote = RemoteConfig.parse(config);
        String payload = HandlerConfigs.string(config, "payload").orElseThrow(() -> new IllegalArgumentException("payload is required"));
        return new RemoteJsonConfig(remote, Templates.compile(payload));
    }
}
