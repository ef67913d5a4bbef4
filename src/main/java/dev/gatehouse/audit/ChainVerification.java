package dev.gatehouse.audit;


import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * Checks a tenant's chain from its start (the genesis, or the retention checkpoint) to its head, page by page in
 * short transactions, and answers {@code ok} with the rows checked, or the first broken link: the row's id (its
 * number in the chain), the hash its fields call for and the hash it carries, and the reason.
 */
@ApplicationScoped
public class ChainVerification {

    private static final int PAGE = 1000;

    private AuditLog store;
    private Transactions transactions;

    protected ChainVerification() {
    }

    @Inject
    public ChainVerification(AuditLog store, Transactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    public JsonObject verify(String tenant) {
        AuditLog.Ends ends = transactions.call(() -> store.ends(tenant));
        HashChain.Verifier verifier = new HashChain.Verifier(ends.startHash(), ends.startSeq());
        long after = ends.startSeq();
        while (true) {
            long from = after;
            List<AuditRow> rows = transactions.call(() -> store.chain(tenant, from, PAGE));
            boolean going = true;
            for (AuditRow row : rows) {
                if (row.seq() > ends.headSeq()) {
                    going = false;
                    break;
                }
                if (!verifier.accept(row)) {
                    going = false;
                    break;
                }
                after = row.seq();
            }
            if (!going || rows.size() < PAGE) {
                break;
            }
        }
        JsonObjectBuilder b = JsonP.createObjectBuilder();
        JsonObjectBuilder start = JsonP.createObjectBuilder().add("after_id", ends.startSeq()).add("hash", ends.startHash());
        b.add("start", start);
        HashChain.Verdict verdict = verifier.verdict(ends.headSeq(), ends.headHash());
        if (verdict instanceof HashChain.Intact ok) {
            b.add("ok", true).add("rows", ok.rows()).add("last_id", ok.lastSeq());
        } else {
            HashChain.Broken broken = (HashChain.Broken) verdict;
            JsonObjectBuilder at = JsonP.createObjectBuilder().add("id", broken.seq()).add("reason", broken.reason())
                    .add("expected_id", broken.expectedSeq()).add("expected_hash", broken.expected());
            if (broken.found() != null) {
                at.add("found_hash", broken.found());
            }
            b.add("ok", false).add("broken", at);
        }
        return b.build();
    }
}
