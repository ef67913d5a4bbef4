package dev.gatehouse.audit;

import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper evidence of the audit log. Each tenant's rows form one chain: a row's hash is the lower-case hex
 * SHA-256 of the previous row's hash followed by the row's canonical JSON (its fields, its {@code seq} and
 * {@code recorded_at}, keys sorted, absent fields left out, no white space). The first row follows {@link #GENESIS};
 * after retention deleted the oldest rows, the first kept row follows the checkpoint's hash. Changing, removing or
 * reordering a row breaks the link of that row or of the next.
 */
public final class HashChain {

    /** What the first row of a tenant's chain follows. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The row's canonical JSON, the text that is hashed. */
    public static String canonical(long seq, Instant recordedAt, AuditEntry entry) {
        Map<String, jakarta.json.JsonValue> fields = new TreeMap<>(entry.toJson());
        fields.put("seq", AuditEntry.JSON.createValue(seq));
        fields.put("recorded_at", AuditEntry.JSON.createValue(recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString()));
        JsonObjectBuilder b = AuditEntry.JSON.createObjectBuilder();
        fields.forEach(b::add);
        return b.build().toString();
    }

    /** The link of a row that follows {@code previousHash}. */
    public static String link(String previousHash, long seq, Instant recordedAt, AuditEntry entry) {
        return sha256(previousHash + canonical(seq, recordedAt, entry));
    }

    /** The next row of a chain whose last row has {@code previousHash} and number {@code previousSeq}. */
    public static AuditRow append(String previousHash, long previousSeq, Instant recordedAt, AuditEntry entry) {
        long seq = previousSeq + 1;
        return new AuditRow(seq, recordedAt, entry, link(previousHash, seq, recordedAt, entry));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What a check of a chain found: all links hold, or the first that does not. */
    public sealed interface Verdict permits Intact, Broken {
    }

    /** Every row from {@code firstSeq} to {@code lastSeq} links to the one before ({@code rows} of them). */
    public record Intact(long rows, long firstSeq, long lastSeq) implements Verdict {
    }

    /**
     * The first row whose link does not hold: its number, the hash its fields and the previous row call for, the hash
     * it carries, and why ({@code hash_mismatch}: the row or the one before was changed; {@code missing_rows}: rows
     * before it are gone).
     */
    public record Broken(long seq, String expected, String found, String reason, long expectedSeq) implements Verdict {
    }

    /** Checks rows one at a time, in seq order, from where the chain starts. */
    public static final class Verifier {
        private String previous;
        private long previousSeq;
        private long rows;
        private long first = -1;
        private Broken broken;

        public Verifier(String startHash, long startSeq) {
            this.previous = startHash;
            this.previousSeq = startSeq;
        }

        /** Checks the next row; false once a link is broken (further rows are not looked at). */
        public boolean accept(AuditRow row) {
            if (broken != null) {
                return false;
            }
            String expected = link(previous, row.seq(), row.recordedAt(), row.entry());
            if (row.seq() != previousSeq + 1) {
                broken = new Broken(row.seq(), expected, row.hash(), "missing_rows", previousSeq + 1);
                return false;
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), row.hash().getBytes(StandardCharsets.US_ASCII))) {
                broken = new Broken(row.seq(), expected, row.hash(), "hash_mismatch", previousSeq + 1);
                return false;
            }
            if (first < 0) {
                first = row.seq();
            }
            previous = row.hash();
            previousSeq = row.seq();
            rows++;
            return true;
        }

        /** A tail deleted after the last row shows as a head that ran ahead of the rows: {@code lastSeq} of the writer. */
        public Verdict verdict(long headSeq, String headHash) {
            if (broken != null) {
                return broken;
            }
            if (headSeq > previousSeq) {
                return new Broken(previousSeq + 1, headHash, null, "missing_rows", previousSeq + 1);
            }
            return new Intact(rows, first < 0 ? previousSeq : first, previousSeq);
        }
    }
}
