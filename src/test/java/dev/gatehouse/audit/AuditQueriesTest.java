package dev.gatehouse.audit;

import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditQueriesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static AuditFilter parse(Map<String, List<String>> params) {
        return AuditQueries.parse(params, NOW);
    }

    private static String refusedField(Map<String, List<String>> params) {
        ApiException e = assertThrows(ApiException.class, () -> parse(params));
        return e.fieldErrors().get(0).field();
    }

    @Test
    void parseWhenSinceThenWindowStartsThatLongBeforeNow() {
        assertEquals(Instant.parse("2026-05-31T12:00:00Z"), parse(Map.of("since", List.of("now-24h"))).from());
        assertEquals(Instant.parse("2026-05-25T12:00:00Z"), parse(Map.of("since", List.of("now-1w"))).from());
        assertEquals(Instant.parse("2026-06-01T11:59:30Z"), parse(Map.of("since", List.of("now-30s"))).from());
    }

    @Test
    void parseWhenRfc3339WithOffsetThenInstant() {
        AuditFilter f = parse(Map.of("from", List.of("2026-01-01T00:00:00+02:00"), "to", List.of("2026-01-02T00:00:00Z")));
        assertEquals(Instant.parse("2025-12-31T22:00:00Z"), f.from());
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), f.to());
    }

    @Test
    void parseWhenWindowMalformedThenFieldNamed() {
        assertEquals("from", refusedField(Map.of("from", List.of("yesterday"))));
        assertEquals("to", refusedField(Map.of("to", List.of("2026-01-01T00:00:00"))));
        assertEquals("since", refusedField(Map.of("since", List.of("now+1h"))));
        assertEquals("since", refusedField(Map.of("since", List.of("now-1h"), "from", List.of("2026-01-01T00:00:00Z"))));
        assertEquals("to", refusedField(Map.of("from", List.of("2026-01-02T00:00:00Z"), "to", List.of("2026-01-01T00:00:00Z"))));
    }

    @Test
    void parseWhenFilterValueOutOfItsSetThenFieldNamed() {
        assertEquals("result", refusedField(Map.of("result", List.of("ok"))));
        assertEquals("device_class", refusedField(Map.of("device_class", List.of("phone"))));
        assertEquals("actor_type", refusedField(Map.of("actor_type", List.of("root"))));
        assertEquals("event_type", refusedField(Map.of("event_type", List.of("LOGIN'--"))));
        assertEquals("colour", refusedField(Map.of("colour", List.of("red"))));
        assertEquals("page_size", refusedField(Map.of("page_size", List.of("0"))));
        assertEquals("sort", refusedField(Map.of("sort", List.of("sideways"))));
        assertEquals("cursor", refusedField(Map.of("cursor", List.of("bm90IGEgY3Vyc29y"))));
    }

    @Test
    void parseWhenFiltersRepeatedThenAnyValueAccepted() {
        AuditFilter f = parse(Map.of("event_type", List.of("login", "login_failed"), "ip", List.of("203.0.113.9")));
        assertEquals(List.of("login", "login_failed"), f.equals().get("event_type"));
        assertEquals(List.of("203.0.113.9"), f.equals().get("ip"));
        assertTrue(f.descending());
        assertEquals(AuditQueries.DEFAULT_PAGE_SIZE, f.limit());
    }

    @Test
    void cursorWhenAnsweredThenReadBackToSamePlace() {
        AuditRow row = HashChain.append(HashChain.GENESIS, 41, NOW, HashChainTest.entry("t1", "{}"));
        AuditFilter f = parse(Map.of("cursor", List.of(AuditQueries.cursor(row)), "sort", List.of("asc")));
        assertEquals(row.entry().occurredAt(), f.after().orElseThrow().time());
        assertEquals(42, f.after().orElseThrow().seq());
        assertTrue(!f.descending());
    }
}
