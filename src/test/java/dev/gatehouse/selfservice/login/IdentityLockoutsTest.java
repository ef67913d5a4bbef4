package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.platform.throttle.InMemoryFailureCounts;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityLockoutsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final FailureCounts.Limits LIMITS = new FailureCounts.Limits(2, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(1));

    private final FailureCounts counts = new FailureCounts(new InMemoryFailureCounts());
    private final List<SecurityEvent> events = new ArrayList<>();
    private final IdentityLockouts lockouts = new IdentityLockouts(counts, new SecurityEvents() {
        @Override
        public void fire(SecurityEvent.Builder builder) {
            events.add(builder.occurredAt(NOW).build());
        }
    });
    private final Identity ada = SelfServiceFixtures.identity("ada@example.test", "$argon2id$x");

    private void fail(TenantId tenant, LoginThrottle.Subject kind, String subject, int times) {
        for (int i = 0; i < times; i++) {
            counts.count(tenant, kind.name(), subject, LIMITS, NOW);
        }
    }

    @Test
    void ofWhenIdentifierLockedAndSecondFactorFailedThenBothButNotTheAddressNorAnotherTenant() {
        fail(ada.tenant(), LoginThrottle.Subject.IDENTIFIER, "ada@example.test", 2);
        fail(ada.tenant(), LoginThrottle.Subject.SECOND_FACTOR, ada.id().toString(), 1);
        fail(ada.tenant(), LoginThrottle.Subject.IP, "192.0.2.1", 2);
        fail(new TenantId("other"), LoginThrottle.Subject.IDENTIFIER, "ada@example.test", 1);

        List<LoginThrottle.Lock> locks = lockouts.of(ada);

        assertEquals(List.of(new LoginThrottle.Lock(LoginThrottle.Subject.IDENTIFIER, "ada@example.test", 0, NOW.plusSeconds(60), 1),
                new LoginThrottle.Lock(LoginThrottle.Subject.SECOND_FACTOR, ada.id().toString(), 1, null, 0)), locks);
    }

    @Test
    void clearThenNoneLeftTheAddressKeptAndTheChangeAnnouncedWithTheActor() {
        fail(ada.tenant(), LoginThrottle.Subject.IDENTIFIER, "ada@example.test", 2);
        fail(ada.tenant(), LoginThrottle.Subject.IP, "192.0.2.1", 1);

        lockouts.clear(ada, "console-user");

        assertEquals(List.of(), lockouts.of(ada));
        assertEquals(1, counts.standing(ada.tenant(), LoginThrottle.Subject.IP.name(), "192.0.2.1").orElseThrow().failures());
        SecurityEvent event = events.get(0);
        assertEquals(SecurityEventType.ADMIN_CHANGE, event.type());
        assertEquals("console-user", event.actor());
        assertEquals(ada.id().toString(), event.subject());
        assertEquals("lockout cleared", event.details().get("action"));
        assertEquals("1", event.details().get("cleared"));
    }
}
