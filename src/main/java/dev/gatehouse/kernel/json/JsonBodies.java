package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses JSON request bodies defensively: strict UTF-8, bounded nesting depth, an object at the top.
 * Every failure is an {@link ApiException} with a message safe to show; parser internals never leak.
 */
public final class JsonBodies {

    /** Deeper documents are refused before they are built, so a hostile body cannot exhaust the stack. */
    public static final int MAX_DEPTH = 32;

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
            bytes = body == null ? new byte[0] : body.readAllBytes();
        } catch (BodyTooLargeException e) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than allowed");
        } catch (IOException e) {
            throw ApiException.malformed("The request body could not be read");
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
        requireUtf8(bytes);
        checkDepth(bytes);
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.malformed("The request body is not valid JSON");
        }
    }

    private static void requireUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ApiException.malformed("The request body is not valid UTF-8");
        }
    }

    private static void checkDepth(byte[] bytes) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw ApiException.malformed("The JSON document is nested more than " + MAX_DEPTH + " levels deep");
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // scalar values do not change depth
                    }
                }
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ApiException.malformed("The request body is not valid JSON");
        }
    }
}
