package dev.gatehouse.credential.password;

import java.util.Locale;

/**
 * Ory Kratos' rule for a password too similar to an identifier ({@code DefaultPasswordValidator} in
 * {@code selfservice/strategy/password/validator.go}): compared case-insensitively, the two are too similar
 * when their Levenshtein distance is below 5, or when their longest common substring is more than half
 * the password. So a password inside the identifier is refused, and so is the identifier with a few
 * characters around it; an identifier that is only a small part of a long password is not, because the
 * rest of the password still has to be guessed. Lengths count code points.
 */
final class IdentifierSimilarity {

    static final int MIN_DISTANCE = 5;
    static final double MAX_COMMON_SUBSTRING_SHARE = 0.5;

    private IdentifierSimilarity() {
    }

    static boolean tooSimilar(String identifier, String password) {
        if (identifier.isEmpty() || password.isEmpty()) {
            return false;
        }
        int[] id = identifier.toLowerCase(Locale.ROOT).codePoints().toArray();
        int[] pw = password.toLowerCase(Locale.ROOT).codePoints().toArray();
        return levenshtein(id, pw) < MIN_DISTANCE
                || (double) longestCommonSubstring(id, pw) / pw.length > MAX_COMMON_SUBSTRING_SHARE;
    }

    /** Edits (insert, delete, substitute) that turn {@code a} into {@code b}; two rows of the usual table. */
    static int levenshtein(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** Length of the longest run both contain; {@code run[j]} is the common run ending at a[i], b[j]. */
    static int longestCommonSubstring(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        int longest = 0;
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                longest = Math.max(longest, current[j]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return longest;
    }
}
