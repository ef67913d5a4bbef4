package dev.gatehouse.oauth2.authorize.api;

import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.authorize.ConsentDecision;
import dev.gatehouse.oauth2.authorize.LoginAcceptance;
import dev.gatehouse.oauth2.authorize.Rejection;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Parses the accept and reject bodies of Hydra's challenge API into typed values. */
final class ChallengeBodies {

    private static final int MAX_TEXT = 1000;
    private static final int MAX_SUBJECT = 255;

    private ChallengeBodies() {
    }

    static LoginAcceptance login(JsonObject body) {
        String subject = JsonFields.requiredString(body, "subject");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw ApiException.invalid("subject", "must be 1-" + MAX_SUBJECT + " characters");
        }
        return new LoginAcceptance(subject, bool(body, "remember"), seconds(body, "remember_for"),
                JsonFields.optionalString(body, "acr").map(a -> limited("acr", a)), JsonFields.stringList(body, "amr"),
                object(body, "context"), Optional.empty());
    }

    static ConsentDecision consent(JsonObject body) {
        JsonValue session = body.get("session");
        JsonObject s = session == null || session.getValueType() == JsonValue.ValueType.NULL ? JsonValue.EMPTY_JSON_OBJECT
                : session.getValueType() == JsonValue.ValueType.OBJECT ? session.asJsonObject()
                : invalidObject("session");
        return new ConsentDecision(JsonFields.stringList(body, "grant_scope"),
                JsonFields.stringList(body, "grant_access_token_audience"), bool(body, "remember"),
                seconds(body, "remember_for"), object(s, "id_token"), object(s, "access_token"));
    }

    /** Hydra's reject body; an unknown {@code error} becomes {@code access_denied}, the hint joins the description. */
    static Rejection rejection(JsonObject body) {
        String code = JsonFields.optionalString(body, "error").orElse("access_denied");
        OAuth2Error error = Arrays.stream(OAuth2Error.values()).filter(e -> e.code().equals(code)).findFirst()
                .orElse(OAuth2Error.ACCESS_DENIED);
        String description = JsonFields.optionalString(body, "error_description").orElse("The resource owner denied the request.");
        Optional<String> hint = JsonFields.optionalString(body, "error_hint");
        return new Rejection(error, limited("error_description", description + hint.map(h -> " " + h).orElse("")));
    }

    private static String limited(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw ApiException.invalid(field, "is too long");
        }
        return value;
    }

    private static boolean bool(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw ApiException.invalid(field, "must be a boolean");
    }

    private static Duration seconds(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return Duration.ZERO;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()
                || ((JsonNumber) v).longValue() < 0 || ((JsonNumber) v).longValue() > 10L * 365 * 24 * 3600) {
            throw ApiException.invalid(field, "must be a whole number of seconds, 0 or more");
        }
        return Duration.ofSeconds(((JsonNumber) v).longValue());
    }

    private static String object(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v == JsonValue.NULL) {
            return "{}";
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            return invalidObject(field);
        }
        return JsonText.write(v);
    }

    private static <T> T invalidObject(String field) {
        throw ApiException.invalid(field, "must be an object");
    }
}
