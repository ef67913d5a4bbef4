package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ProblemFactory;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantSettingsServiceTest {

    private static final TenantId ACME = new TenantId("acme");

    private final InMemoryRepository repository = new InMemoryRepository(Set.of(ACME));
    private final List<SecurityEvent> events = new ArrayList<>();
    private final List<TenantSettingsChanged> changes = new ArrayList<>();
    private final TenantSettingsService service = new TenantSettingsService(repository,
            new SettingsCatalog(LimitsSettable.global("limits"), List.of(new LimitsSettable("limits"))),
            new SecurityEvents() {
                @Override
                public void fire(SecurityEvent.Builder builder) {
                    events.add(builder.occurredAt(Instant.EPOCH).build());
                }
            }, new Recording<>(changes), new MovableClock(Instant.parse("2026-12-06T09:00:00Z")));

    @Test
    void replaceWhenValuesFitThenStoredAsGivenAndChangeAnnounced() {
        SortedMap<String, String> stored = service.replace(ACME, Map.of("limits.min", "12", "limits.enabled", "off"), "admin");

        assertEquals(Map.of("limits.min", "12", "limits.enabled", "off"), stored);
        assertEquals(stored, repository.find(ACME));
        assertEquals(List.of(new TenantSettingsChanged(ACME)), changes);
        assertEquals(SecurityEventType.TENANT_SETTINGS_CHANGED, events.get(0).type());
        assertEquals("acme", events.get(0).subject());
        assertEquals("limits.enabled,limits.min", events.get(0).details().get("keys"));
    }

    @Test
    void replaceWhenKeyLeftOutThenUnset() {
        service.replace(ACME, Map.of("limits.min", "12", "limits.max", "64"), "admin");

        service.replace(ACME, Map.of("limits.max", "32"), "admin");

        assertEquals(Map.of("limits.max", "32"), repository.find(ACME));
    }

    @Test
    void patchWhenSomeSetSomeUnsetThenOthersKept() {
        service.replace(ACME, Map.of("limits.min", "12", "limits.max", "64"), "admin");

        SortedMap<String, String> stored = service.patch(ACME, Map.of("limits.enabled", "false"), Set.of("limits.min"), "admin");

        assertEquals(Map.of("limits.max", "64", "limits.enabled", "false"), stored);
        assertEquals("limits.enabled,limits.min", events.get(1).details().get("keys"));
    }

    @Test
    void patchWhenValueBadThen400NamingKeyAndNothingStoredNorAnnounced() {
        service.replace(ACME, Map.of("limits.min", "12"), "admin");
        events.clear();
        changes.clear();

        ApiException e = assertThrows(ApiException.class,
                () -> service.patch(ACME, Map.of("limits.max", "64", "limits.enabled", "maybe"), Set.of(), "admin"));

        assertEquals(400, ProblemFactory.status(e.error()));
        assertEquals(List.of(new ApiException.FieldError("limits.enabled", "must be true or false")), e.fieldErrors());
        assertEquals("Setting limits.enabled: must be true or false", e.detail());
        assertEquals(Map.of("limits.min", "12"), repository.find(ACME));
        assertEquals(1, repository.writes);
        assertTrue(events.isEmpty() && changes.isEmpty());
    }

    @Test
    void patchWhenUnsettingKeyWouldBreakRuleWithRemainingValueThenRefused() {
        service.replace(ACME, Map.of("limits.min", "200", "limits.max", "300"), "admin");

        ApiException e = assertThrows(ApiException.class, () -> service.patch(ACME, Map.of(), Set.of("limits.max"), "admin"));

        assertEquals("limits.max", e.fieldErrors().get(0).field());
        assertEquals(Map.of("limits.min", "200", "limits.max", "300"), repository.find(ACME));
    }

    @Test
    void changeWhenSameValuesThenNothingWrittenNorAnnounced() {
        service.replace(ACME, Map.of("limits.min", "12"), "admin");

        service.patch(ACME, Map.of("limits.min", "12"), Set.of("limits.max"), "admin");

        assertEquals(1, repository.writes);
        assertEquals(1, events.size());
    }

    @Test
    void changeWhenTooManyKeysThen400() {
        Map<String, String> many = IntStream.range(0, TenantSettingsService.MAX_SETTINGS + 1).boxed()
                .collect(Collectors.toMap(i -> "limits.k" + i, i -> "1"));

        ApiException e = assertThrows(ApiException.class, () -> service.replace(ACME, many, "admin"));

        assertEquals(400, ProblemFactory.status(e.error()));
        assertEquals(0, repository.writes);
    }

    @Test
    void changeWhenTenantUnknownThen404AndNothingStored() {
        ApiException e = assertThrows(ApiException.class,
                () -> service.patch(new TenantId("globex"), Map.of("limits.min", "12"), Set.of(), "admin"));

        assertEquals(404, ProblemFactory.status(e.error()));
        assertEquals(0, repository.writes);
    }

    /** Settings by tenant in a map; counts writes. */
    private static final class InMemoryRepository implements TenantSettingsRepository {
        private final Set<TenantId> tenants;
        private final Map<TenantId, SortedMap<String, String>> rows = new HashMap<>();
        int writes;

        InMemoryRepository(Set<TenantId> tenants) {
            this.tenants = tenants;
        }

        @Override
        public SortedMap<String, String> find(TenantId tenant) {
            return new TreeMap<>(rows.getOrDefault(tenant, new TreeMap<>()));
        }

        @Override
        public boolean exists(TenantId tenant) {
            return tenants.contains(tenant);
        }

        @Override
        public boolean lock(TenantId tenant) {
            return tenants.contains(tenant);
        }

        @Override
        public void replace(TenantId tenant, Map<String, String> values, Instant at) {
            writes++;
            rows.put(tenant, new TreeMap<>(values));
        }
    }

    /** A CDI event that records what is fired. */
    private record Recording<T>(List<T> fired) implements Event<T> {
        @Override
        public void fire(T event) {
            fired.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
