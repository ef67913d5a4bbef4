package dev.gatehouse.it.contract;

import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleStore;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.RuleWriteConflict;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.gateway.rule.jpa.JpaRuleStore;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link RuleStore} (the gateway's database rules) must do, on each database the product supports. */
abstract class RuleStoreContract extends RepositoryContract<RuleStore> {

    @Override
    protected RuleStore repository(EntityManager em) {
        return new JpaRuleStore(em, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Rule rule(String id, String path) {
        return Rule.parse(JsonText.readObject("{\"id\":\"" + id + "\",\"match\":{\"url\":\"http://localhost" + path
                + "\",\"methods\":[\"GET\"]},\"authenticators\":[{\"handler\":\"anonymous\"}],"
                + "\"authorizer\":{\"handler\":\"allow\"},\"mutators\":[{\"handler\":\"noop\"}]}"));
    }

    @Test
    void saveWhenCreateThenFoundAtRevisionOneAndTheSetVersionMoves() {
        long before = (long) inTx(r -> r.setVersion(TenantId.DEFAULT));
        Rule rule = rule("r1", "/a");

        StoredRule saved = inTx(r -> r.save(TenantId.DEFAULT, rule, "admin", RuleStore.Write.CREATE));

        assertEquals(new StoredRule(rule, 1, NOW, NOW), saved);
        assertEquals(saved, inTx(r -> r.find(TenantId.DEFAULT, "r1")).orElseThrow());
        assertTrue((long) inTx(r -> r.setVersion(TenantId.DEFAULT)) > before);
        assertTrue(inTx(r -> r.find(OTHER, "r1")).isEmpty());
        assertEquals(0L, (long) inTx(r -> r.setVersion(OTHER)));
    }

    @Test
    void saveWhenCreateOfATakenIdOrReplaceOfAMissingOneThenConflict() {
        inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/a"), "admin", RuleStore.Write.CREATE));

        assertTrue(assertThrows(RuleWriteConflict.class,
                () -> inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/b"), "admin", RuleStore.Write.CREATE))).exists());
        assertFalse(assertThrows(RuleWriteConflict.class,
                () -> inTx(r -> r.save(TenantId.DEFAULT, rule("r2", "/b"), "admin", RuleStore.Write.REPLACE))).exists());
    }

    @Test
    void replaceAndDeleteThenHistoryNewestFirstAndARecreateContinuesTheRevisions() {
        inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/a"), "alice", RuleStore.Write.CREATE));
        inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/b"), "bob", RuleStore.Write.REPLACE));

        assertTrue(holds(r -> r.delete(TenantId.DEFAULT, "r1", "carol")));
        assertFalse(holds(r -> r.delete(TenantId.DEFAULT, "r1", "carol")));

        List<RuleVersion> history = inTx(r -> r.history(TenantId.DEFAULT, "r1"));
        assertEquals(List.of(3, 2, 1), history.stream().map(RuleVersion::revision).toList());
        assertEquals(List.of("carol", "bob", "alice"), history.stream().map(RuleVersion::changedBy).toList());
        assertNull(history.get(0).document(), "a deleting version has no document");
        assertEquals(4, inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/c"), "dave", RuleStore.Write.CREATE)).revision());
    }

    @Test
    void listThenTheTenantsRulesByIdOnly() {
        inTx(r -> r.save(TenantId.DEFAULT, rule("r2", "/b"), "admin", RuleStore.Write.CREATE));
        inTx(r -> r.save(TenantId.DEFAULT, rule("r1", "/a"), "admin", RuleStore.Write.CREATE));
        inTx(r -> r.save(OTHER, rule("r3", "/c"), "admin", RuleStore.Write.CREATE));

        assertEquals(List.of("r1", "r2"), inTx(r -> r.list(TenantId.DEFAULT)).stream().map(s -> s.rule().id()).toList());
    }
}
