package dev.gatehouse.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class HashChainTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456789Z");

    static AuditEntry entry(String tenant, String details) {
        return new AuditEntry(tenant, T, "login", "login", null, "id-1", AuditEntry.ActorType.IDENTITY,
                "7b0c2d1e-0000-4000-8000-000000000001", "id-1", null, AuditEntry.Result.SUCCESS, null, "aal1", null,
                "desktop", "Windows", "Chrome 120", "Mozilla/5.0", "203.0.113.9", "req-1", null, details);
    }

    private static List<AuditRow> chain(int n) {
        List<AuditRow> rows = new ArrayList<>();
        String prev = HashChain.GENESIS;
        long seq = 0;
        for (int i = 0; i < n; i++) {
            AuditRow row = HashChain.append(prev, seq, T, entry("t1", "{\"n\":\"" + i + "\"}"));
            rows.add(row);
            prev = row.hash();
            seq = row.seq();
        }
        return rows;
    }

    private static HashChain.Verdict verify(List<AuditRow> rows, String startHash, long startSeq) {
        HashChain.Verifier v = new HashChain.Verifier(startHash, startSeq);
        rows.forEach(v::accept);
        AuditRow head = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return v.verdict(head == null ? startSeq : head.seq(), head == null ? startHash : head.hash());
    }

    @Test
    void verifyWhenRowsUntouchedThenIntact() {
        HashChain.Intact ok = assertInstanceOf(HashChain.Intact.class, verify(chain(5), HashChain.GENESIS, 0));
        assertEquals(5, ok.rows());
        assertEquals(1, ok.firstSeq());
        assertEquals(5, ok.lastSeq());
    }

    @Test
    void linkWhenTimeHasNanosThenSameAsReadBackAtMicros() {
        AuditEntry fine = entry("t1", "{}");
        AuditEntry stored = new AuditEntry("t1", Instant.parse("2026-01-02T03:04:05.123456Z"), "login", "login", null,
                "id-1", AuditEntry.ActorType.IDENTITY, "7b0c2d1e-0000-4000-8000-000000000001", "id-1", null,
                AuditEntry.Result.SUCCESS, null, "aal1", null, "desktop", "Windows", "Chrome 120", "Mozilla/5.0",
                "203.0.113.9", "req-1", null, "{}");
        assertEquals(HashChain.link(HashChain.GENESIS, 1, T, fine), HashChain.link(HashChain.GENESIS, 1, T, stored));
    }

    @Test
    void verifyWhenDetailChangedThenThatRowReported() {
        List<AuditRow> rows = chain(4);
        AuditRow forged = rows.get(2);
        rows.set(2, new AuditRow(forged.seq(), forged.recordedAt(), entry("t1", "{\"n\":\"forged\"}"), forged.hash()));

        HashChain.Broken broken = assertInstanceOf(HashChain.Broken.class, verify(rows, HashChain.GENESIS, 0));
        assertEquals(3, broken.seq());
        assertEquals("hash_mismatch", broken.reason());
        assertEquals(forged.hash(), broken.found());
        assertNotEquals(broken.expected(), broken.found());
    }

    @Test
    void verifyWhenRowDeletedThenNextRowReportedAsMissingRows() {
        List<AuditRow> rows = chain(4);
        rows.remove(1);

        HashChain.Broken broken = assertInstanceOf(HashChain.Broken.class, verify(rows, HashChain.GENESIS, 0));
        assertEquals(3, broken.seq());
        assertEquals("missing_rows", broken.reason());
        assertEquals(2, broken.expectedSeq());
    }

    @Test
    void verifyWhenLastRowDeletedThenHeadReportsIt() {
        List<AuditRow> rows = chain(3);
        AuditRow head = rows.remove(2);
        HashChain.Verifier v = new HashChain.Verifier(HashChain.GENESIS, 0);
        rows.forEach(v::accept);

        HashChain.Broken broken = assertInstanceOf(HashChain.Broken.class, v.verdict(head.seq(), head.hash()));
        assertEquals(3, broken.seq());
    }

    @Test
    void verifyWhenOldestPrunedThenIntactFromCheckpoint() {
        List<AuditRow> rows = chain(5);
        AuditRow checkpoint = rows.get(1);
        List<AuditRow> kept = rows.subList(2, 5);

        assertInstanceOf(HashChain.Intact.class, verify(kept, checkpoint.hash(), checkpoint.seq()));
        assertInstanceOf(HashChain.Broken.class, verify(kept, HashChain.GENESIS, 0));
    }

    @Test
    void canonicalWhenFieldsGivenThenKeysSortedAndNullsLeftOut() {
        String json = HashChain.canonical(7, T, entry("t1", "{}"));
        assertEquals(-1, json.indexOf("client_id"), json);
        assertEquals(true, json.indexOf("\"action\"") < json.indexOf("\"seq\""), json);
        assertEquals(true, json.contains("\"occurred_at\":\"2026-01-02T03:04:05.123456Z\""), json);
    }
}
