package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.Template;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The config of {@code header} ({@code headers}) and {@code cookie} ({@code cookies}): a {@code {name: template}}
 * map, compiled once, rendered for each session. Names must be HTTP tokens; a rendered value with a control
 * character (CR, LF, ...) is refused, so a subject or claim cannot split a header.
 */
record TemplatedValues(String key, Map<String, Template> values) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    static TemplatedValues parse(JsonObject config, String key) {
        Map<String, Template> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : HandlerConfigs.object(config, key).entrySet()) {
            if (!TOKEN.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException(key + " has an invalid name " + e.getKey());
            }
            if (!(e.getValue() instanceof JsonString s)) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " must be a template string");
            }
            values.put(e.getKey(), Templates.compile(s.getString()));
        }
        return new TemplatedValues(key, Collections.unmodifiableMap(values));
    }

    void render(AuthenticationSession session, Map<String, String> into) {
        for (Map.Entry<String, Template> e : values.entrySet()) {
            String value = e.getValue().render(session);
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw GatewayException.internal(key + " " + e.getKey() + " would hold a control character");
            }
            into.put(e.getKey(), value);
        }
    }
}
