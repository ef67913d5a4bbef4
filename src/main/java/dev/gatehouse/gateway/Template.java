package dev.gatehouse.gateway;

import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A template compiled once, when its rule is loaded ({@link Templates#compile}): literal text and actions whose
 * fields and functions are already resolved, so rendering for a request only reads that request's session.
 */
public final class Template {

    /**
     * JSON-P's static factories ({@code JsonP.createValue}) look their provider up on every call, a scan of the
     * class path; rendering happens on every decision, so the provider is looked up once.
     */
    static final JsonProvider JSON = JsonProvider.provider();
    static final JsonValue EMPTY = JSON.createValue("");

    private final List<Part> parts;

    Template(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public String render(AuthenticationSession session) {
        return render(session, UnaryOperator.identity());
    }

    /** Renders with each substituted value passed through {@code escape} (e.g. {@link #escapeJson}). */
    public String render(AuthenticationSession session, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else {
                Action a = (Action) part;
                JsonValue value = a.expression().evaluate(session);
                // toJson gives a complete JSON value: inserted as it is, never through the string escaper
                out.append(a.json() ? value.toString() : escape.apply(text(value)));
            }
        }
        return out.toString();
    }

    /** A value as the inside of a JSON string literal, so a subject or claim cannot inject JSON. */
    public static String escapeJson(String value) {
        String quoted = JSON.createValue(value).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    /** How Go's print shows a value: strings bare, lists as {@code [a b]}, missing as empty. */
    static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            case ARRAY -> v.asJsonArray().stream().map(Template::text).collect(Collectors.joining(" ", "[", "]"));
            default -> v.toString();
        };
    }

    sealed interface Part permits Text, Action {
    }

    record Text(String text) implements Part {
    }

    /** {@code json}: the value goes in as JSON ({@code toJson}) rather than as printed text. */
    record Action(Expression expression, boolean json) implements Part {
    }

    /** What one action computes for a session. */
    @FunctionalInterface
    interface Expression {
        JsonValue evaluate(AuthenticationSession session);
    }
}
