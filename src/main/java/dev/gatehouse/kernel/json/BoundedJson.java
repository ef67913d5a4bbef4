package dev.gatehouse.kernel.json;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The one reader of JSON documents that come from outside (request bodies, rule documents): strict UTF-8,
 * bounded size, nesting depth and number length, no NUL characters (PostgreSQL cannot store them) and no
 * member twice in one object (parsers disagree on which one wins). Everything is checked in one streaming
 * pass before the document is built, so a hostile document costs no more than its bytes. Every refusal is a
 * {@link MalformedJsonException}; the parser's own failures never leak.
 */
public final class BoundedJson {

    /** Deeper documents are refused before they are built, so a hostile body cannot exhaust the stack. */
    public static final int MAX_DEPTH = 32;
    /** Longer numbers are refused: no identity, client or rule needs one, and converting them costs time. */
    public static final int MAX_NUMBER_CHARS = 100;
    /** A backstop for callers without a request-size limit of their own; requests are held to a smaller, configured one. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private BoundedJson() {
    }

    public static JsonValue read(byte[] utf8) {
        if (utf8.length > MAX_BYTES) {
            throw new MalformedJsonException("is larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("is not valid UTF-8");
        }
        return read(text);
    }

    public static JsonValue read(String text) {
        if (text.isBlank()) {
            throw new MalformedJsonException("is empty");
        }
        if (text.length() > MAX_BYTES) {
            throw new MalformedJsonException("is larger than " + MAX_BYTES + " bytes");
        }
        try {
            check(text);
            try (JsonReader reader = JsonP.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        } catch (MalformedJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException, and whatever else the parser throws on input it cannot take
            throw new MalformedJsonException("is not valid JSON");
        }
    }

    private static void check(String text) {
        Deque<Set<String>> names = new ArrayDeque<>();
        try (JsonParser parser = JsonP.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (names.size() == MAX_DEPTH) {
                            throw new MalformedJsonException("is nested more than " + MAX_DEPTH + " levels deep");
                        }
                        names.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
                    }
                    case END_OBJECT, END_ARRAY -> names.pop();
                    case KEY_NAME -> {
                        String name = parser.getString();
                        noNul(name);
                        if (!names.peek().add(name)) {
                            throw new MalformedJsonException("has a member name twice in one object");
                        }
                    }
                    case VALUE_STRING -> noNul(parser.getString());
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_CHARS) {
                            throw new MalformedJsonException("has a number longer than " + MAX_NUMBER_CHARS + " characters");
                        }
                    }
                    default -> {
                        // true, false, null: nothing to bound
                    }
                }
            }
        }
    }

    private static void noNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new MalformedJsonException("holds a NUL character");
        }
    }
}
