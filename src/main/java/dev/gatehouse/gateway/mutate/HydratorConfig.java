package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code hydrator}'s config: the API it posts the session to ({@code api.url}, required) and, with
 * {@code api.auth.basic.{username, password}} (both or neither), the {@code Authorization} header it sends.
 */
record HydratorConfig(URI url, Optional<String> authorization) {

    static HydratorConfig parse(JsonObject config) {
        JsonObject api = HandlerConfigs.object(config, "api");
        URI url = HandlerConfigs.httpUrl(api, "url", "api.url").orElseThrow(() -> new IllegalArgumentException("api.url is required"));
        return new HydratorConfig(url, basic(api));
    }

    private static Optional<String> basic(JsonObject api) {
        JsonObject basic = HandlerConfigs.object(HandlerConfigs.object(api, "auth"), "basic");
        if (basic.isEmpty()) {
            return Optional.empty();
        }
        String user = HandlerConfigs.string(basic, "username")
                .orElseThrow(() -> new IllegalArgumentException("api.auth.basic needs username and password"));
        String password = HandlerConfigs.string(basic, "password")
                .orElseThrow(() -> new IllegalArgumentException("api.auth.basic needs username and password"));
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Not the credentials: a config may end up in a log line. */
    @Override
    public String toString() {
        return "HydratorConfig[url=" + url + ", authorization=" + (authorization.isPresent() ? "(basic)" : "none") + "]";
    }
}
