package dev.gatehouse.admin.console.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineDiffTest {

    @Test
    void diffWhenOneLineChangedThenRemovedAndAddedBetweenKeptLines() {
        List<String> shown = LineDiff.of("{\n  \"a\": 1,\n  \"b\": 2\n}", "{\n  \"a\": 1,\n  \"b\": 3\n}").stream()
                .map(l -> l.getSign() + l.text()).toList();
        assertEquals(List.of(" {", "   \"a\": 1,", "-  \"b\": 2", "+  \"b\": 3", " }"), shown);
    }

    @Test
    void diffWhenTextsEqualThenAllKept() {
        assertEquals(List.of(LineDiff.Change.KEPT, LineDiff.Change.KEPT),
                LineDiff.of("x\ny", "x\ny").stream().map(LineDiff.Line::change).toList());
    }

    @Test
    void diffWhenOneSideEmptyThenEveryLineAddedOrRemoved() {
        assertEquals(List.of(LineDiff.Change.ADDED, LineDiff.Change.ADDED),
                LineDiff.of("", "x\ny").stream().map(LineDiff.Line::change).toList());
        assertEquals(List.of(LineDiff.Change.REMOVED), LineDiff.of("x", null).stream().map(LineDiff.Line::change).toList());
    }
}
