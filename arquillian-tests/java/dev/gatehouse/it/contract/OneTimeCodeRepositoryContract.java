package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.code.CodePurpose;
import dev.gatehouse.selfservice.code.OneTimeCode;
import dev.gatehouse.selfservice.code.OneTimeCodeRepository;
import dev.gatehouse.selfservice.code.jpa.JpaOneTimeCodeRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link OneTimeCodeRepository} must do, on each database the product supports. */
abstract class OneTimeCodeRepositoryContract extends RepositoryContract<OneTimeCodeRepository> {

    @Override
    protected OneTimeCodeRepository repository(EntityManager em) {
        return new JpaOneTimeCodeRepository(em);
    }

    private OneTimeCode stored(TenantId tenant, UUID flow, Instant createdAt, Instant expiresAt) {
        OneTimeCode c = new OneTimeCode(UUID.randomUUID(), tenant, flow, CodePurpose.VERIFICATION, "a@example.test",
                "code-hash", null, 0, expiresAt, null, createdAt);
        run(r -> r.insert(c));
        return c;
    }

    private UUID flow(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO selfservice_flow (id, tenant_id, kind, flavor, state, request_url, refresh, ui, issued_at,"
                + " expires_at, updated_at) VALUES (?, 'default', 'VERIFICATION', 'API', 'sent_email', 'http://localhost/',"
                + " false, '{}', ?, ?, ?)", id, expiresAt.minusSeconds(600), expiresAt, expiresAt.minusSeconds(600));
        return id;
    }

    @Test
    void ofFlowThenEveryCodeNewestFirstAndOnlyTheTenants() {
        UUID flow = UUID.randomUUID();
        OneTimeCode first = stored(TenantId.DEFAULT, flow, NOW.minusSeconds(60), NOW.plusSeconds(600));
        OneTimeCode second = stored(TenantId.DEFAULT, flow, NOW, NOW.plusSeconds(600));

        assertEquals(List.of(second, first), inTx(r -> r.ofFlow(TenantId.DEFAULT, flow)));
        assertTrue(inTx(r -> r.ofFlow(OTHER, flow)).isEmpty());
    }

    @Test
    void retireAllThenEveryUnusedCodeOfTheFlowIsUsedAtThatTime() {
        UUID flow = UUID.randomUUID();
        stored(TenantId.DEFAULT, flow, NOW.minusSeconds(60), NOW.plusSeconds(600));
        stored(TenantId.DEFAULT, flow, NOW, NOW.plusSeconds(600));
        OneTimeCode otherFlow = stored(TenantId.DEFAULT, UUID.randomUUID(), NOW, NOW.plusSeconds(600));

        run(r -> r.retireAll(TenantId.DEFAULT, flow, NOW));
        run(r -> r.retireAll(TenantId.DEFAULT, flow, NOW.plusSeconds(5)));

        assertEquals(List.of(NOW, NOW), inTx(r -> r.ofFlow(TenantId.DEFAULT, flow)).stream().map(OneTimeCode::usedAt).toList());
        assertNull(inTx(r -> r.ofFlow(TenantId.DEFAULT, otherFlow.flowId())).get(0).usedAt());
    }

    @Test
    void countAttemptThenOneMoreEachTimeAndNotAcrossTenants() {
        OneTimeCode c = stored(TenantId.DEFAULT, UUID.randomUUID(), NOW, NOW.plusSeconds(600));

        run(r -> r.countAttempt(TenantId.DEFAULT, c.id()));
        run(r -> r.countAttempt(TenantId.DEFAULT, c.id()));
        run(r -> r.countAttempt(OTHER, c.id()));

        assertEquals(2, inTx(r -> r.ofFlow(TenantId.DEFAULT, c.flowId())).get(0).attempts());
    }

    @Test
    void deleteExpiredWhenFlowGoneOrExpiredThenGoneButCodesOfALiveFlowStay() {
        UUID liveFlow = flow(NOW.plusSeconds(600));
        UUID expiredFlow = flow(NOW.minusSeconds(3600));
        OneTimeCode ofGoneFlow = stored(TenantId.DEFAULT, UUID.randomUUID(), NOW.minusSeconds(4000), NOW.minusSeconds(3600));
        OneTimeCode ofExpiredFlow = stored(TenantId.DEFAULT, expiredFlow, NOW.minusSeconds(4000), NOW.minusSeconds(3600));
        OneTimeCode ofLiveFlow = stored(TenantId.DEFAULT, liveFlow, NOW.minusSeconds(4000), NOW.minusSeconds(3600));

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.ofFlow(TenantId.DEFAULT, ofGoneFlow.flowId())).isEmpty());
        assertTrue(inTx(r -> r.ofFlow(TenantId.DEFAULT, ofExpiredFlow.flowId())).isEmpty());
        assertEquals(List.of(ofLiveFlow), inTx(r -> r.ofFlow(TenantId.DEFAULT, liveFlow)));
    }
}
