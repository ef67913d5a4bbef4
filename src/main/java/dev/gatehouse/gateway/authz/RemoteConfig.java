package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code remote} and {@code remote_json} share: the authorizer's URL ({@code remote}, required), the
 * templated {@code headers} sent to it (compiled here) and the answer's headers passed on to the upstream
 * ({@code forward_response_headers_to_upstream}).
 */
record RemoteConfig(URI remote, Map<String, Template> headers, List<String> forwardResponseHeaders) {

    static RemoteConfig parse(JsonObject config) {
        URI remote = HandlerConfigs.httpUrl(config, "remote", "remote")
                .orElseThrow(() -> new IllegalArgumentException("remote is required"));
        Map<String, Template> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : HandlerConfigs.object(config, "headers").entrySet()) {
            headers.put(e.getKey(), Templates.compile(((JsonString) e.getValue()).getString()));
        }
        return new RemoteConfig(remote, Collections.unmodifiableMap(headers),
                HandlerConfigs.strings(config, "forward_response_headers_to_upstream"));
    }
}
