package dev.gatehouse.admin.console.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff of two texts by their longest common subsequence: the lines both keep, those only the old one has and
 * those only the new one has, in order. Quadratic, so only for texts as small as a rule; longer ones are cut.
 */
public final class LineDiff {

    /** Beyond this many lines a side is cut, so a diff costs at most a few million steps. */
    static final int MAX_LINES = 2000;

    /** How a line fares from the old text to the new one. */
    public enum Change {
        KEPT, REMOVED, ADDED
    }

    /** One line of the diff; {@link #getSign()} is how unified diffs mark it. */
    public record Line(Change change, String text) {
        public String getSign() {
            return switch (change) {
                case KEPT -> " ";
                case REMOVED -> "-";
                case ADDED -> "+";
            };
        }

        public String getKind() {
            return change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(Change.KEPT, a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Change.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Change.ADDED, b.get(j++)));
            }
        }
        a.subList(i, a.size()).forEach(l -> out.add(new Line(Change.REMOVED, l)));
        b.subList(j, b.size()).forEach(l -> out.add(new Line(Change.ADDED, l)));
        return Collections.unmodifiableList(out);
    }

    private static List<String> lines(String text) {
        List<String> lines = text == null || text.isEmpty() ? List.of() : text.lines().toList();
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }
}
