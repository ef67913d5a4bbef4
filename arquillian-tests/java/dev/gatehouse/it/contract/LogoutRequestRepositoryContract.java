package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.authorize.LogoutRequest;
import dev.gatehouse.oauth2.authorize.LogoutRequestRepository;
import dev.gatehouse.oauth2.authorize.jpa.JpaLogoutRequestRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link LogoutRequestRepository} must do, on each database the product supports. */
abstract class LogoutRequestRepositoryContract extends RepositoryContract<LogoutRequestRepository> {

    @Override
    protected LogoutRequestRepository repository(EntityManager em) {
        return new JpaLogoutRequestRepository(em);
    }

    private LogoutRequest stored(TenantId tenant, Instant expiresAt) {
        LogoutRequest l = new LogoutRequest(UUID.randomUUID(), tenant, "challenge-" + UUID.randomUUID(), Optional.empty(),
                "csrf-hash", LogoutRequest.Status.REQUESTED, Optional.of("alice"), Optional.of(UUID.randomUUID().toString()),
                Optional.of("client-1"), true, true, Optional.of("https://rp.example/after"), Optional.of("state-1"),
                "http://localhost/oauth2/sessions/logout", expiresAt);
        run(r -> r.insert(l));
        return l;
    }

    @Test
    void insertThenFoundByChallengeAsGivenOnlyInItsTenant() {
        LogoutRequest l = stored(TenantId.DEFAULT, NOW.plusSeconds(600));

        assertEquals(l, inTx(r -> r.findByChallenge(TenantId.DEFAULT, l.challengeHash())).orElseThrow());
        assertTrue(inTx(r -> r.findByChallenge(OTHER, l.challengeHash())).isEmpty());
    }

    @Test
    void updateThenTheNewStatusAndFoundByItsVerifier() {
        LogoutRequest l = stored(TenantId.DEFAULT, NOW.plusSeconds(600));
        LogoutRequest accepted = l.moveTo(LogoutRequest.Status.ACCEPTED, Optional.of("verifier-1"));

        run(r -> r.update(accepted));

        assertEquals(accepted, inTx(r -> r.findByVerifier(TenantId.DEFAULT, "verifier-1")).orElseThrow());
        assertTrue(inTx(r -> r.findByVerifier(OTHER, "verifier-1")).isEmpty());
    }

    @Test
    void deleteExpiredWhenPastCutoffThenGoneInEveryTenantAndLiveOnesStay() {
        LogoutRequest old = stored(TenantId.DEFAULT, NOW.minusSeconds(3600));
        LogoutRequest live = stored(TenantId.DEFAULT, NOW.plusSeconds(600));
        LogoutRequest otherTenant = stored(OTHER, NOW.minusSeconds(3600));
        LogoutRequest liveOfOtherTenant = stored(OTHER, NOW.plusSeconds(600));

        assertEquals(2, count(r -> r.deleteExpired(batch(10))));

        assertTrue(inTx(r -> r.findByChallenge(TenantId.DEFAULT, old.challengeHash())).isEmpty());
        assertTrue(inTx(r -> r.findByChallenge(TenantId.DEFAULT, live.challengeHash())).isPresent());
        assertTrue(inTx(r -> r.findByChallenge(OTHER, otherTenant.challengeHash())).isEmpty());
        assertTrue(inTx(r -> r.findByChallenge(OTHER, liveOfOtherTenant.challengeHash())).isPresent());
    }
}
