package dev.gatehouse.kernel.json;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedJsonTest {

    private static String refusal(String text) {
        return assertThrows(MalformedJsonException.class, () -> BoundedJson.read(text)).reason();
    }

    @Test
    void readWhenNumberAtLimitThenAcceptedAndLongerRefused() {
        String atLimit = "{\"n\":" + "1".repeat(BoundedJson.MAX_NUMBER_CHARS) + "}";
        assertEquals(JsonValue.ValueType.NUMBER, BoundedJson.read(atLimit).asJsonObject().get("n").getValueType());
        assertEquals("has a number longer than 100 characters",
                refusal("{\"n\":" + "1".repeat(BoundedJson.MAX_NUMBER_CHARS + 1) + "}"));
        assertEquals("has a number longer than 100 characters", refusal("[0." + "3".repeat(5_000) + "]"));
    }

    @Test
    void readWhenNestedThousandsDeepThenRefusedBeforeTheParserGivesUp() {
        assertEquals("is nested more than 32 levels deep", refusal("[".repeat(5_000) + "]".repeat(5_000)));
        assertEquals("is nested more than 32 levels deep", refusal("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        assertEquals("is nested more than 32 levels deep", refusal("[".repeat(5_000)));
    }

    @Test
    void readWhenNulInStringOrNameThenRefused() {
        assertEquals("holds a NUL character", refusal("{\"a\":\"x\\u0000y\"}"));
        assertEquals("holds a NUL character", refusal("{\"\\u0000\":1}"));
    }

    @Test
    void readWhenMemberTwiceThenRefused() {
        assertEquals("has a member name twice in one object", refusal("{\"id\":\"a\",\"id\":5}"));
        assertEquals(2, BoundedJson.read("[{\"id\":1},{\"id\":2}]").asJsonArray().size());
    }

    @Test
    void readWhenNotJsonThenRefusedWithoutParserDetail() {
        for (String bad : new String[] {"{\"a\":NaN}", "{'a':1}", "/* c */{}", "{} {}", "{}x", "{\"a\":\"\\x41\"}", "\uFEFF{}"}) {
            assertEquals("is not valid JSON", refusal(bad), bad);
        }
        assertEquals("is empty", refusal(" \n"));
    }

    @Test
    void readWhenBytesNotUtf8ThenRefused() {
        byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};
        assertEquals("is not valid UTF-8", assertThrows(MalformedJsonException.class, () -> BoundedJson.read(overlong)).reason());
        assertEquals("x", BoundedJson.read("[\"x\"]".getBytes(StandardCharsets.UTF_8)).asJsonArray().getString(0));
    }
}
