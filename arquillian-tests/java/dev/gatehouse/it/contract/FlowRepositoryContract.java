package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowRepository;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.jpa.JpaFlowRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link FlowRepository} must do, on each database the product supports. */
abstract class FlowRepositoryContract extends RepositoryContract<FlowRepository> {

    @Override
    protected FlowRepository repository(EntityManager em) {
        return new JpaFlowRepository(em);
    }

    private static Flow flow(TenantId tenant, String csrfHash, Instant expiresAt) {
        return new Flow(UUID.randomUUID(), tenant, FlowKind.LOGIN, Flavor.BROWSER, FlowState.CHOOSE_METHOD,
                "http://localhost/self-service/login/browser", "http://localhost/after", csrfHash, null, null, false,
                new Ui("http://localhost/self-service/login?flow=x", "POST", List.of(), List.of()),
                expiresAt.minusSeconds(600), expiresAt);
    }

    private Flow stored(TenantId tenant, String csrfHash, Instant expiresAt) {
        Flow f = flow(tenant, csrfHash, expiresAt);
        run(r -> r.insert(f));
        return f;
    }

    @Test
    void insertThenFindReturnsTheFlowAsGiven() {
        Flow f = stored(TenantId.DEFAULT, "csrf-1", NOW.plusSeconds(600));

        assertEquals(f, inTx(r -> r.find(TenantId.DEFAULT, f.id())).orElseThrow());
    }

    @Test
    void findWhenOtherTenantThenNothing() {
        Flow f = stored(TenantId.DEFAULT, "csrf-1", NOW.plusSeconds(600));

        assertTrue(inTx(r -> r.find(OTHER, f.id())).isEmpty());
    }

    @Test
    void updateThenNewStateAndUiButTheBrowserBindingStays() {
        Flow f = stored(TenantId.DEFAULT, "csrf-1", NOW.plusSeconds(600));
        Ui ui = new Ui("http://localhost/self-service/login?flow=y", "POST", List.of(), List.of());

        run(r -> r.update(f.passedChallenge(ui).boundTo("csrf-other", ui)));

        Flow found = inTx(r -> r.find(TenantId.DEFAULT, f.id())).orElseThrow();
        assertEquals(FlowState.PASSED_CHALLENGE, found.state());
        assertEquals(ui, found.ui());
        assertEquals("csrf-1", found.csrfHash());
    }

    @Test
    void updateWhenNotYetBoundThenBindsOnce() {
        Flow f = stored(TenantId.DEFAULT, null, NOW.plusSeconds(600));

        run(r -> r.update(f.boundTo("csrf-first", f.ui())));

        assertEquals("csrf-first", inTx(r -> r.find(TenantId.DEFAULT, f.id())).orElseThrow().csrfHash());
    }

    @Test
    void rebindThenTheNewBrowsersHashAndUi() {
        Flow f = stored(TenantId.DEFAULT, "csrf-1", NOW.plusSeconds(600));
        Ui ui = new Ui("http://localhost/self-service/login?flow=z", "POST", List.of(), List.of());

        run(r -> r.rebind(f.boundTo("csrf-2", ui)));

        Flow found = inTx(r -> r.find(TenantId.DEFAULT, f.id())).orElseThrow();
        assertEquals("csrf-2", found.csrfHash());
        assertEquals(ui, found.ui());
    }

    @Test
    void deleteExpiredWhenPastCutoffThenGoneInBatchesInEveryTenantAndLiveOnesStay() {
        Flow[] old = {stored(TenantId.DEFAULT, null, NOW.minusSeconds(3600)), stored(TenantId.DEFAULT, null, NOW.minusSeconds(3600)),
                stored(TenantId.DEFAULT, null, NOW.minusSeconds(3600))};
        Flow withinGrace = stored(TenantId.DEFAULT, null, NOW.minusSeconds(30));
        Flow otherTenant = stored(OTHER, null, NOW.minusSeconds(3600));
        Flow liveOfOtherTenant = stored(OTHER, null, NOW.plusSeconds(600));

        assertEquals(2, count(r -> r.deleteExpired(batch(2))));
        assertEquals(2, count(r -> r.deleteExpired(batch(2))));
        assertEquals(0, count(r -> r.deleteExpired(batch(2))));

        for (Flow f : old) {
            assertTrue(inTx(r -> r.find(TenantId.DEFAULT, f.id())).isEmpty());
        }
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, withinGrace.id())).isPresent());
        assertTrue(inTx(r -> r.find(OTHER, otherTenant.id())).isEmpty());
        assertTrue(inTx(r -> r.find(OTHER, liveOfOtherTenant.id())).isPresent());
    }
}
