package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;

/**
 * Parses JSON request bodies under {@link BoundedJson}'s bounds, with an object (or, for JSON Patch, an array)
 * at the top. Every failure is an {@link ApiException} with a message safe to show; parser internals never leak.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject readObject(InputStream body) {
        return readObject(bytes(body));
    }

    /** A JSON array body (e.g. an RFC 6902 JSON Patch). */
    public static JsonArray readArray(InputStream body) {
        JsonValue value = readValue(bytes(body));
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.malformed("The request body must be a JSON array");
        }
        return value.asJsonArray();
    }

    private static byte[] bytes(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(BoundedJson.MAX_BYTES + 1);
        } catch (BodyTooLargeException e) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
        } catch (IOException e) {
            throw ApiException.malformed("The request body could not be read");
        }
        if (bytes.length > BoundedJson.MAX_BYTES) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
        }
        return bytes;
    }

    public static JsonObject readObject(byte[] bytes) {
        JsonValue value = readValue(bytes);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.malformed("The request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonValue readValue(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.malformed("A JSON document is required in the request body");
        }
        try {
            return BoundedJson.read(bytes);
        } catch (MalformedJsonException e) {
            throw ApiException.malformed("The request body " + e.reason());
        }
    }
}
