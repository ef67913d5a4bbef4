package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    private static ApiError errorOf(String body) {
        return assertThrows(ApiException.class, () -> JsonBodies.readObject(body.getBytes(StandardCharsets.UTF_8))).error();
    }

    @Test
    void readObjectWhenValidThenParsed() {
        assertEquals("x", JsonBodies.readObject("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)).getString("id"));
    }

    @Test
    void readObjectWhenMalformedOrNotObjectThenMalformed() {
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf("{\"id\":"));
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf("[]"));
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf("\"text\""));
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf(""));
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf("{} {}"));
    }

    @Test
    void readObjectWhenDepthAtLimitThenAcceptedAndBeyondRefused() {
        String ok = "{\"a\":" + "[".repeat(BoundedJson.MAX_DEPTH - 1) + "]".repeat(BoundedJson.MAX_DEPTH - 1) + "}";
        String deep = "{\"a\":" + "[".repeat(BoundedJson.MAX_DEPTH) + "]".repeat(BoundedJson.MAX_DEPTH) + "}";

        JsonBodies.readObject(ok.getBytes(StandardCharsets.UTF_8));
        assertEquals(ApiError.MALFORMED_REQUEST, errorOf(deep));
    }

    @Test
    void readObjectWhenInvalidUtf8ThenMalformed() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertEquals(ApiError.MALFORMED_REQUEST,
                assertThrows(ApiException.class, () -> JsonBodies.readObject(bad)).error());
    }

    @Test
    void readObjectWhenNumberLongerThanParserTakesThenMalformed() {
        String huge = "{\"n\":" + "7".repeat(1_200) + "}";
        ApiException e = assertThrows(ApiException.class, () -> JsonBodies.readObject(huge.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
        assertEquals("The request body has a number longer than 100 characters", e.detail());
    }

    @Test
    void readObjectWhenStreamExceedsLimitThenPayloadTooLarge() {
        InputStream tooBig = new InputStream() {
            @Override
            public int read() throws BodyTooLargeException {
                throw new BodyTooLargeException(10);
            }
        };
        assertEquals(ApiError.PAYLOAD_TOO_LARGE, assertThrows(ApiException.class, () -> JsonBodies.readObject(tooBig)).error());
    }
}
