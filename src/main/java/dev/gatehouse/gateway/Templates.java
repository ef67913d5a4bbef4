package dev.gatehouse.gateway;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
 * loaded and the template compiled ({@link #compile}).
 */
public final class Templates {

    private static final int MAX_TEMPLATE = 4096;
    private static final Set<String> MATCH_CONTEXT = Set.of("RegexpCaptureGroups", "Method", "URL", "URL.Path", "URL.Host",
            "URL.Scheme");

    private Templates() {
    }

    /** Throws {@link IllegalArgumentException} naming the problem if the template uses anything unsupported. */
    public static Template compile(String template) {
        if (template.length() > MAX_TEMPLATE) {
            throw new IllegalArgumentException("template is longer than " + MAX_TEMPLATE + " characters");
        }
        List<Template.Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                parts.add(new Template.Text(template.substring(i)));
                break;
            }
            parts.add(new Template.Text(template.substring(i, open)));
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
            Template.Expression expression = expression(stages.get(0));
            for (String stage : stages.subList(1, stages.size())) {
                if (!stage.equals("toJson")) {
                    throw new IllegalArgumentException("unsupported pipeline function " + stage);
                }
            }
            parts.add(new Template.Action(expression, stages.size() > 1 || isToJson(stages.get(0))));
            i = close + 2;
        }
        return new Template(parts);
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

    private static Template.Expression expression(String action) {
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
                return operand(words.get(1));
            }
            case "print" -> {
                List<Template.Expression> operands = words.subList(1, words.size()).stream().map(Templates::operand).toList();
                return session -> {
                    StringBuilder b = new StringBuilder();
                    operands.forEach(o -> b.append(Template.text(o.evaluate(session))));
                    return Template.JSON.createValue(b.toString());
                };
            }
            case "printIndex", "index" -> {
                if (words.size() != 3 || !words.get(2).matches("\\d{1,4}")) {
                    throw new IllegalArgumentException(fn + " takes a list and an index");
                }
                Template.Expression list = operand(words.get(1));
                int n = Integer.parseInt(words.get(2));
                return session -> list.evaluate(session) instanceof JsonArray a && n < a.size() ? a.get(n) : Template.EMPTY;
            }
            default -> {
                if (words.size() != 1) {
                    throw new IllegalArgumentException("unsupported function " + fn);
                }
                return operand(fn);
            }
        }
    }

    private static Template.Expression operand(String w) {
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            JsonValue literal = Template.JSON.createValue(w.substring(1, w.length() - 1));
            return session -> literal;
        }
        if (!w.startsWith(".")) {
            throw new IllegalArgumentException("unsupported operand " + w);
        }
        String[] path = w.substring(1).split("\\.");
        switch (path[0]) {
            case "Subject" -> {
                if (path.length != 1) {
                    throw unsupported(w);
                }
                return session -> Template.JSON.createValue(session.subject());
            }
            case "Extra" -> {
                String[] keys = Arrays.copyOfRange(path, 1, path.length);
                return session -> extra(session.extra(), keys);
            }
            case "MatchContext" -> {
                String field = String.join(".", Arrays.copyOfRange(path, 1, path.length));
                if (!MATCH_CONTEXT.contains(field)) {
                    throw unsupported(w);
                }
                return session -> matchContext(field, session);
            }
            default -> throw unsupported(w);
        }
    }

    private static IllegalArgumentException unsupported(String w) {
        return new IllegalArgumentException("unsupported field " + w);
    }

    private static JsonValue extra(JsonValue root, String[] keys) {
        JsonValue v = root;
        for (int i = 0; i < keys.length && v != null; i++) {
            v = v instanceof JsonObject o ? o.get(keys[i]) : null;
        }
        return v == null ? JsonValue.NULL : v;
    }

    private static JsonValue matchContext(String field, AuthenticationSession session) {
        URI url = URI.create(session.url().replace(" ", "%20"));
        return switch (field) {
            case "RegexpCaptureGroups" -> Template.JSON.createArrayBuilder(session.captureGroups()).build();
            case "Method" -> Template.JSON.createValue(session.method());
            case "URL" -> Template.JSON.createValue(session.url());
            case "URL.Path" -> Template.JSON.createValue(url.getPath() == null ? "" : url.getPath());
            case "URL.Host" -> Template.JSON.createValue(url.getAuthority() == null ? "" : url.getAuthority());
            default -> Template.JSON.createValue(url.getScheme());
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
