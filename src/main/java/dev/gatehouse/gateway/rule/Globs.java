package dev.gatehouse.gateway.rule;

/**
 * Glob syntax of Oathkeeper's {@code glob} strategy (gobwas/glob with {@code .} and {@code /} as
 * separators) turned into a Java regular expression: {@code *} any run of non-separators, {@code **} any
 * run, {@code ?} one non-separator, {@code [abc]}, {@code [!abc]}, {@code [a-z]} and {@code {a,b}}.
 */
final class Globs {

    private static final String NOT_SEPARATOR = "[^./]";

    private Globs() {
    }

    static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        out.append(".*");
                        i++;
                    } else {
                        out.append(NOT_SEPARATOR).append('*');
                    }
                }
                case '?' -> out.append(NOT_SEPARATOR);
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new InvalidRuleException("match.url", "has an unclosed '[' in a glob");
                    }
                    String set = glob.substring(i + 1, end);
                    boolean negated = set.startsWith("!");
                    out.append(negated ? "[^" : "[").append(escapeSet(negated ? set.substring(1) : set)).append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new InvalidRuleException("match.url", "has an unmatched '}' in a glob");
                    }
                    braces--;
                    out.append(')');
                }
                case ',' -> out.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        out.append(java.util.regex.Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> out.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new InvalidRuleException("match.url", "has an unclosed '{' in a glob");
        }
        return out.toString();
    }

    private static String escapeSet(String set) {
        StringBuilder out = new StringBuilder();
        for (char c : set.toCharArray()) {
            if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
