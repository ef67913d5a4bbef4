package dev.gatehouse.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The part of Go's text/template that Oathkeeper's rule documents use, and nothing more: text with
 * {@code {{ ... }}} actions, each one of
 * <ul>
 *   <li>{@code .Subject}, {@code .Extra.a.b}, {@code .MatchContext.Method}, {@code .MatchContext.URL},
 *       {@code .MatchContext.URL.Path}, {@code .MatchContext.URL.Host}, {@code .MatchContext.RegexpCaptureGroups};</li>
 *   <li>{@code print X Y ...} (joined), {@code printIndex X N} and {@code index X N} (element N of a list,
 *       empty when absent);</li>
 *   <li>{@code toJson X} and {@code X | toJson} (sprig's, as Oathkeeper's docs use it for {@code id_token} claims):
 *       the value as JSON ({@code null} when missing), inserted unescaped since it is a complete JSON value.</li>
 * </ul>
 * A missing value prints as the empty string. Anything else is a template error, found when the rule is
 * loaded ({@link #check}).
 */
public final class Templates {

    private static final int MAX_TEMPLATE = 4096;

    private Templates() {
    }

    /** Throws {@link IllegalArgumentException} naming the problem if the template uses anything unsupported. */
    public static void check(String template) {
        render(template, new AuthenticationSession(List.of(), "http://localhost/", "GET"), UnaryOperator.identity());
    }

    public static String render(String template, AuthenticationSession session) {
        return render(template, session, UnaryOperator.identity());
    }

    /** Renders with each substituted value passed through {@code escape} (e.g. JSON string escaping). */
    public static String render(String template, AuthenticationSession session, UnaryOperator<String> escape) {
        if (template.length() > MAX_TEMPLATE) {
            throw new IllegalArgumentException("template is longer than " + MAX_TEMPLATE + " characters");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed action at " + open);
            }
            String action = template.substring(open + 2, close).trim();
            if (action.startsWith("-")) {
                action = action.substring(1).trim();
            }
            if (action.endsWith("-")) {
                action = action.substring(0, action.length() - 1).trim();
            }
            List<String> stages = pipeline(action);
            JsonValue value = evaluate(stages.get(0), session);
            if (stages.size() == 1 && !isToJson(stages.get(0))) {
                out.append(escape.apply(text(value)));
            } else {
                for (String stage : stages.subList(1, stages.size())) {
                    if (!stage.equals("toJson")) {
                        throw new IllegalArgumentException("unsupported pipeline function " + stage);
                    }
                }
                // already a complete JSON value: inserted as it is, never through the string escaper
                out.append(value.toString());
            }
            i = close + 2;
        }
        return out.toString();
    }

    /** {@code X | toJson}: the stages of an action, split at pipes outside string literals. */
    private static List<String> pipeline(String action) {
        List<String> stages = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '|' && !quoted) {
                stages.add(action.substring(start, i).trim());
                start = i + 1;
            }
        }
        stages.add(action.substring(start).trim());
        if (stages.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty pipeline stage");
        }
        return stages;
    }

    private static boolean isToJson(String stage) {
        return stage.startsWith("toJson ") || stage.equals("toJson");
    }

    private static JsonValue evaluate(String action, AuthenticationSession session) {
        List<String> words = words(action);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty action");
        }
        String fn = words.get(0);
        switch (fn) {
            case "toJson" -> {
                if (words.size() != 2) {
                    throw new IllegalArgumentException("toJson takes one value");
                }
                return operand(words.get(1), session);
            }
            case "print" -> {
                StringBuilder b = new StringBuilder();
                for (String w : words.subList(1, words.size())) {
                    b.append(text(operand(w, session)));
                }
                return Json.createValue(b.toString());
            }
            case "printIndex", "index" -> {
                if (words.size() != 3 || !words.get(2).matches("\\d{1,4}")) {
                    throw new IllegalArgumentException(fn + " takes a list and an index");
                }
                JsonValue list = operand(words.get(1), session);
                int n = Integer.parseInt(words.get(2));
                if (list instanceof JsonArray a && n < a.size()) {
                    return a.get(n);
                }
                return Json.createValue("");
            }
            default -> {
                if (words.size() != 1) {
                    throw new IllegalArgumentException("unsupported function " + fn);
                }
                return operand(fn, session);
            }
        }
    }

    private static JsonValue operand(String w, AuthenticationSession session) {
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            return Json.createValue(w.substring(1, w.length() - 1));
        }
        if (!w.startsWith(".")) {
            throw new IllegalArgumentException("unsupported operand " + w);
        }
        String[] path = w.substring(1).split("\\.");
        switch (path[0]) {
            case "Subject" -> {
                return path.length == 1 ? Json.createValue(session.subject()) : fail(w);
            }
            case "Extra" -> {
                JsonValue v = session.extra();
                for (int i = 1; i < path.length && v != null; i++) {
                    v = v instanceof JsonObject o ? o.get(path[i]) : null;
                }
                return v == null ? JsonValue.NULL : v;
            }
            case "MatchContext" -> {
                if (path.length < 2) {
                    return fail(w);
                }
                URI url = URI.create(session.url().replace(" ", "%20"));
                return switch (String.join(".", java.util.Arrays.copyOfRange(path, 1, path.length))) {
                    case "RegexpCaptureGroups" -> Json.createArrayBuilder(session.captureGroups()).build();
                    case "Method" -> Json.createValue(session.method());
                    case "URL" -> Json.createValue(session.url());
                    case "URL.Path" -> Json.createValue(url.getPath() == null ? "" : url.getPath());
                    case "URL.Host" -> Json.createValue(url.getAuthority() == null ? "" : url.getAuthority());
                    case "URL.Scheme" -> Json.createValue(url.getScheme());
                    default -> fail(w);
                };
            }
            default -> {
                return fail(w);
            }
        }
    }

    private static JsonValue fail(String w) {
        throw new IllegalArgumentException("unsupported field " + w);
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
            case ARRAY -> v.asJsonArray().stream().map(Templates::text).collect(Collectors.joining(" ", "[", "]"));
            default -> v.toString();
        };
    }

    private static List<String> words(String action) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = action.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed string");
                }
                out.add(action.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < action.length() && !Character.isWhitespace(action.charAt(end))) {
                    end++;
                }
                out.add(action.substring(i, end));
                i = end;
            }
        }
        return out;
    }
}
