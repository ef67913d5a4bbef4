package dev.gatehouse.kernel.log;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {

    @Test
    void boundedWhenShortAndPlainThenUnchanged() {
        assertEquals("alice@example.com", LogText.bounded("alice@example.com", 64));
        assertEquals("Привет 你好 😀", LogText.bounded("Привет 你好 😀", 64));
        assertNull(LogText.bounded(null, 64));
    }

    @Test
    void boundedWhenLongerThanMaxThenPrefixAndOriginalLength() {
        String huge = "a".repeat(1_000_000);

        String out = LogText.bounded(huge, 64);

        assertEquals("a".repeat(64) + "…[1000000 chars]", out);
    }

    @Test
    void boundedWhenControlCharactersThenEscapedSoNoFakeLineCanStart() {
        String forged = "bob\r\n{\"event\":\"login\",\"outcome\":\"success\"}\u001b[31m\u0085\u2028\u202Eevil\u0000";

        String out = LogText.bounded(forged, 256);

        assertEquals("bob\\r\\n{\"event\":\"login\",\"outcome\":\"success\"}\\u001B[31m\\u0085\\u2028\\u202Eevil\\u0000", out);
        assertTrue(out.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x202E), out);
    }

    @Test
    void boundedWhenCutFallsInsideAnEscapeOrSurrogatePairThenCutBeforeIt() {
        assertEquals("ab…[5 chars]", LogText.bounded("ab\ncd", 3), "the escape \\n does not fit whole");
        assertEquals("a…[3 chars]", LogText.bounded("a😀", 2), "a surrogate pair is never split");
        assertEquals("lone \\uD800…[7 chars]", LogText.bounded("lone \uD800x", 11), "a lone surrogate is escaped");
    }

    @Test
    void throwableWhenMessageQuotesHugeInputThenPrintedBoundedWithClassFramesAndCause() {
        IllegalStateException thrown = new IllegalStateException("bad input: " + "x".repeat(500_000) + "\nsecond line",
                new NumberFormatException("For input string: \"" + "9".repeat(100_000) + "\""));

        StringWriter text = new StringWriter();
        LogText.throwable(thrown).printStackTrace(new PrintWriter(text));
        String printed = text.toString();

        assertTrue(printed.startsWith("java.lang.IllegalStateException: bad input: xxx"), printed.substring(0, 80));
        assertTrue(printed.contains("Caused by: java.lang.NumberFormatException: For input string"), "cause kept");
        assertTrue(printed.contains("at dev.gatehouse.kernel.log.LogTextTest"), "frames kept");
        assertTrue(printed.length() < 8_000, "printed length " + printed.length());
        assertFalse(printed.contains("\nsecond line"), "the message's line break is escaped");
    }
}
