package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of request fields that answer a wrong type with a validation error on that field. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String requiredString(JsonObject o, String field) {
        return optionalString(o, field).orElseThrow(() -> ApiException.invalid(field, "is required"));
    }

    public static Optional<String> optionalString(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalid(field, "must be a string");
        }
        return Optional.of(((JsonString) v).getString());
    }

    public static List<String> stringList(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.invalid(field, "must be an array of strings");
        }
        JsonArray array = v.asJsonArray();
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw ApiException.invalid(field + "/" + i, "must be a string");
            }
            out.add(((JsonString) item).getString());
        }
        return out;
    }
}
