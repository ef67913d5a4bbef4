package dev.gatehouse.it.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What must never reach a client: a stack trace, a Java class or package name, a server message id
 * ({@code SRVE0190E:}, {@code CWWWC0005I:}). Error answers (4xx, 5xx) are held to the strict list; a page that
 * works may name {@code jakarta.faces.ViewState} in a form, so 2xx and 3xx are checked for traces and ids only.
 */
public final class Leaks {

    private static final List<Pattern> ALWAYS = List.of(
            Pattern.compile("\\bat [\\w$]+(\\.[\\w$]+)+\\("),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("Caused by:"),
            Pattern.compile("\\b[A-Z]{4,5}\\d{4}[EWIA]:"));

    private static final List<Pattern> IN_ERRORS = List.of(
            Pattern.compile("Exception"),
            Pattern.compile("\\bat dev\\."),
            Pattern.compile("\\b(java|javax|jakarta|com\\.ibm|org\\.eclipse|org\\.jboss|org\\.apache|dev\\.gatehouse)\\.[a-z]"),
            Pattern.compile("SRVE"),
            Pattern.compile("CWW"));

    private Leaks() {
    }

    /** The first pattern the body matches, if any. */
    public static Optional<String> in(int status, String body) {
        for (Pattern p : ALWAYS) {
            if (p.matcher(body).find()) {
                return Optional.of(p.pattern());
            }
        }
        if (status >= 400) {
            for (Pattern p : IN_ERRORS) {
                if (p.matcher(body).find()) {
                    return Optional.of(p.pattern());
                }
            }
        }
        return Optional.empty();
    }
}
