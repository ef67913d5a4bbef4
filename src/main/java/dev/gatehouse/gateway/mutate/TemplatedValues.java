package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.Templates;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mutator's {@code {name: template}} map (header or cookie names to templates), rendered for a session.
 * Names must be HTTP tokens; a rendered value with a control character (CR, LF, ...) is refused, so a
 * subject or claim cannot split a header.
 */
final class TemplatedValues {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    private TemplatedValues() {
    }

    static void render(JsonObject config, String key, AuthenticationSession session, Map<String, String> into) {
        for (Map.Entry<String, jakarta.json.JsonValue> e : HandlerConfigs.object(config, key).entrySet()) {
            String value = Templates.render(((JsonString) e.getValue()).getString(), session);
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw GatewayException.internal(key + " " + e.getKey() + " would hold a control character");
            }
            into.put(e.getKey(), value);
        }
    }

    static void validate(JsonObject config, String key) {
        JsonObject values = HandlerConfigs.object(config, key);
        for (Map.Entry<String, jakarta.json.JsonValue> e : values.entrySet()) {
            if (!TOKEN.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException(key + " has an invalid name " + e.getKey());
            }
            if (!(e.getValue() instanceof JsonString s)) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " must be a template string");
            }
            Templates.check(s.getString());
        }
    }
}
