package dev.gatehouse.tenant.settings.api;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wire shape of a tenant's settings: one JSON object, key to value ({@code {"password.min-length": "12"}}).
 * Values go out as strings, as configuration holds them; strings (without surrounding blanks, which configuration
 * ignores too), numbers and booleans come in, and a number or boolean is stored as its text. In a merge patch (RFC 7396) {@code null} removes a key.
 */
final class SettingsJson {

    private SettingsJson() {
    }

    static JsonObject of(Map<String, String> values) {
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        values.forEach(b::add);
        return b.build();
    }

    /**
     * A member's value as configuration text; empty for {@code null}.
     *
     * @throws ApiException 400 naming the key, for an object or array
     */
    static Optional<String> text(String key, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> Optional.of(((JsonString) value).getString().strip());
            case NUMBER -> Optional.of(((JsonNumber) value).toString());
            case TRUE -> Optional.of("true");
            case FALSE -> Optional.of("false");
            case NULL -> Optional.empty();
            case OBJECT, ARRAY -> throw new ApiException(ApiError.MALFORMED_REQUEST,
                    "Setting " + key + ": must be a string, number or boolean",
                    List.of(new ApiException.FieldError(key, "must be a string, number or boolean")));
        };
    }
}
