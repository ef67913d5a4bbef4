package dev.gatehouse.kernel.log;

import java.util.Arrays;

/**
 * Makes text that came from outside fit for one log line: control, format and line-separator characters (CR, LF,
 * ESC, NEL, U+2028, bidi overrides, ...) are escaped so no one can start a fake line or hide text, and at most a
 * given number of characters are kept, followed by a marker that gives the original length. Only the kept part
 * is looked at, so a megabyte costs no more than a short string.
 */
public final class LogText {

    /** How a cut text ends: {@code …[<original length> chars]}. */
    private static final String CUT = "…[%d chars]";
    /** Frames kept per throwable when a throwable is logged. */
    private static final int FRAMES = 40;
    /** Causes followed when a throwable is logged. */
    private static final int CAUSES = 5;
    /** Characters kept of a throwable's message. */
    private static final int MESSAGE = 512;

    private LogText() {
    }

    /**
     * The text with control characters escaped, cut after {@code max} characters of escaped text (never inside
     * an escape or a surrogate pair) with a marker of the original length; null stays null.
     */
    public static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String piece = escaped(cp);
            int length = piece == null ? Character.charCount(cp) : piece.length();
            if (out.length() + length > max) {
                return out.append(String.format(CUT, text.length())).toString();
            }
            if (piece == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(piece);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * A stand-in for a throwable about to be logged: the same classes and frames, but each message bounded and
     * escaped, at most {@value #FRAMES} frames each and {@value #CAUSES} causes deep, so an exception that quotes a
     * client's input cannot make a huge log record.
     */
    public static Throwable throwable(Throwable thrown) {
        return thrown == null ? null : new Bounded(thrown, 0);
    }

    private static String escaped(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
            return String.format("\\u%04X", cp);
        }
        return null;
    }

    /** Prints like the original ({@code class: message}, frames, causes), bounded. */
    private static final class Bounded extends Throwable {

        private static final long serialVersionUID = 1L;

        Bounded(Throwable original, int depth) {
            super(bounded(original.getClass().getName()
                    + (original.getMessage() == null ? "" : ": " + original.getMessage()), MESSAGE), cause(original, depth), false, true);
            StackTraceElement[] frames = original.getStackTrace();
            setStackTrace(Arrays.copyOf(frames, Math.min(frames.length, FRAMES)));
        }

        private static Bounded cause(Throwable original, int depth) {
            Throwable cause = original.getCause();
            return cause == null || cause == original || depth >= CAUSES ? null : new Bounded(cause, depth + 1);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
