package dev.gatehouse.gateway.rule;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a rule's {@code match.url} is read, as Oathkeeper's {@code access_rules.matching_strategy}: text
 * outside {@code <...>} is literal; inside it is a regular expression ({@code regexp}, the default) or a
 * glob ({@code glob}, where {@code *} stops at {@code .} and {@code /} and {@code **} does not). Under
 * {@code regexp} each {@code <...>} is a capture group that templates read as
 * {@code .MatchContext.RegexpCaptureGroups}.
 */
public enum MatchStrategy {
    REGEXP,
    GLOB;

    public static MatchStrategy parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "regexp" -> REGEXP;
            case "glob" -> GLOB;
            default -> throw new IllegalArgumentException("must be regexp or glob");
        };
    }

    /** The whole-string pattern of a {@code match.url}; throws {@link InvalidRuleException} when it does not compile. */
    public Pattern compile(String url) {
        StringBuilder out = new StringBuilder("^");
        int i = 0;
        while (i < url.length()) {
            int open = url.indexOf('<', i);
            if (open < 0) {
                out.append(Pattern.quote(url.substring(i)));
                break;
            }
            if (open > i) {
                out.append(Pattern.quote(url.substring(i, open)));
            }
            int close = closing(url, open);
            String inner = url.substring(open + 1, close);
            out.append(this == REGEXP ? "(" + inner + ")" : "(" + Globs.toRegex(inner) + ")");
            i = close + 1;
        }
        out.append('$');
        try {
            return Pattern.compile(out.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException("match.url", "is not a valid " + name().toLowerCase(Locale.ROOT)
                    + " pattern: " + firstLine(e.getMessage()));
        }
    }

    /** The {@code >} that closes the {@code <} at {@code open}, counting nested pairs as Oathkeeper's compiler does. */
    private static int closing(String url, int open) {
        int depth = 0;
        for (int j = open; j < url.length(); j++) {
            char c = url.charAt(j);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                return j;
            }
        }
        throw new InvalidRuleException("match.url", "has an unbalanced '<' at position " + open);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
