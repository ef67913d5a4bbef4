package dev.gatehouse.tenant;

import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantHostsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryTenants repository = new InMemoryTenants();
    private final List<SecurityEvent> events = new ArrayList<>();
    private final TenantService service = new TenantService(repository, new TenantResolver() {
    }, new SecurityEvents() {
        @Override
        public void fire(SecurityEvent.Builder builder) {
            events.add(builder.occurredAt(Instant.EPOCH).build());
        }
    }, CLOCK);

    @Test
    void addHostWhenNewThenMappedLowerCasedAndEventNamesActorAndHost() {
        service.create(new TenantService.NewTenant("acme", "Acme", List.of()), "admin");
        events.clear();

        Tenant t = service.addHost("acme", " Login.Acme.Example ", "console-user");

        assertEquals(List.of("login.acme.example"), t.hosts());
        assertEquals(SecurityEventType.TENANT_HOSTS_CHANGED, events.get(0).type());
        assertEquals("console-user", events.get(0).actor());
        assertEquals("acme", events.get(0).subject());
        assertEquals("login.acme.example", events.get(0).details().get("added"));
    }

    @Test
    void addHostWhenAlreadyTheTenantsThenUnchangedAndNoEvent() {
        service.create(new TenantService.NewTenant("acme", null, List.of("sso.acme.example")), "admin");
        events.clear();

        assertEquals(List.of("sso.acme.example"), service.addHost("acme", "sso.acme.example", "admin").hosts());
        assertEquals(List.of(), events);
    }

    @Test
    void addHostWhenNotAHostNameThenRefusedAtTheFieldAndNothingStored() {
        service.create(new TenantService.NewTenant("acme", null, List.of()), "admin");

        ApiException e = assertThrows(ApiException.class, () -> service.addHost("acme", "not a host", "admin"));

        assertEquals(ApiError.VALIDATION_FAILED, e.error());
        assertEquals(List.of("host"), e.fieldErrors().stream().map(ApiException.FieldError::field).toList());
        assertEquals(List.of(), service.find("acme").orElseThrow().hosts());
    }

    @Test
    void addHostWhenAnotherTenantHasItThenConflict() {
        service.create(new TenantService.NewTenant("one", null, List.of("shared.example")), "admin");
        service.create(new TenantService.NewTenant("two", null, List.of()), "admin");

        ApiException e = assertThrows(ApiException.class, () -> service.addHost("two", "SHARED.example", "admin"));

        assertEquals(ApiError.CONFLICT, e.error());
        assertEquals(List.of(), service.find("two").orElseThrow().hosts());
    }

    @Test
    void addHostWhenTenantHasTheMostHostsThenRefused() {
        List<String> hosts = IntStream.range(0, 50).mapToObj(i -> "h" + i + ".example").toList();
        service.create(new TenantService.NewTenant("acme", null, hosts), "admin");

        ApiException e = assertThrows(ApiException.class, () -> service.addHost("acme", "one-more.example", "admin"));

        assertEquals("host", e.fieldErrors().get(0).field());
    }

    @Test
    void hostsWhenTenantUnknownThenNotFound() {
        assertEquals(ApiError.NOT_FOUND, assertThrows(ApiException.class, () -> service.addHost("nobody", "a.example", "admin")).error());
        assertEquals(ApiError.NOT_FOUND, assertThrows(ApiException.class, () -> service.removeHost("Bad Id", "a.example", "admin")).error());
    }

    @Test
    void removeHostThenUnmappedAndEventNamesTheHost() {
        service.create(new TenantService.NewTenant("acme", null, List.of("a.acme.example", "b.acme.example")), "admin");
        events.clear();

        assertEquals(List.of("b.acme.example"), service.removeHost("acme", "A.acme.example", "admin").hosts());
        assertEquals("a.acme.example", events.get(0).details().get("removed"));
        assertTrue(repository.findByHost("a.acme.example").isEmpty());
    }

    @Test
    void removeHostWhenNotTheTenantsThenNotFoundAndTheOtherTenantKeepsIt() {
        service.create(new TenantService.NewTenant("one", null, List.of("one.example")), "admin");
        service.create(new TenantService.NewTenant("two", null, List.of()), "admin");

        assertEquals(ApiError.NOT_FOUND, assertThrows(ApiException.class, () -> service.removeHost("two", "one.example", "admin")).error());
        assertEquals("one", repository.findByHost("one.example").orElseThrow().id().value());
    }

    @Test
    void searchWhenTextThenIdNameOrExactHostElseEverything() {
        service.create(new TenantService.NewTenant("acme", "Acme Corp", List.of("sso.acme.example")), "admin");
        service.create(new TenantService.NewTenant("beta", "Beta Labs", List.of("login.beta.example")), "admin");

        assertEquals(List.of("acme"), ids(service.search("CORP", 0, 10)));
        assertEquals(List.of("beta"), ids(service.search("login.beta.example", 0, 10)));
        assertEquals(List.of(), ids(service.search("beta.example", 0, 10)), "a host is found by its whole name");
        assertEquals(List.of("acme", "beta"), ids(service.search(" ", 0, 10)));
    }

    private static List<String> ids(List<Tenant> tenants) {
        return tenants.stream().map(t -> t.id().value()).toList();
    }

    /** Tenants in a map, as the JPA repository keeps them (hosts unique across tenants). */
    private static final class InMemoryTenants implements TenantRepository {

        private final Map<String, Tenant> tenants = new TreeMap<>();

        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.ofNullable(tenants.get(id.value()));
        }

        @Override
        public Optional<Tenant> findByHost(String host) {
            return tenants.values().stream().filter(t -> t.hosts().contains(host.toLowerCase(Locale.ROOT))).findFirst();
        }

        @Override
        public List<Tenant> list(int offset, int limit) {
            return tenants.values().stream().skip(offset).limit(limit).toList();
        }

        @Override
        public List<Tenant> search(String text, int offset, int limit) {
            String lower = text.toLowerCase(Locale.ROOT);
            return tenants.values().stream().filter(t -> t.id().value().contains(lower)
                            || t.displayName().toLowerCase(Locale.ROOT).contains(lower) || t.hosts().contains(lower))
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public Optional<Tenant> lock(TenantId id) {
            return find(id);
        }

        @Override
        public void addHost(TenantId id, String host) {
            if (findByHost(host).filter(t -> !t.id().equals(id)).isPresent()) {
                throw new DuplicateTenantException(host);
            }
            Tenant t = tenants.get(id.value());
            List<String> hosts = new ArrayList<>(t.hosts());
            hosts.add(host);
            hosts.sort(Comparator.naturalOrder());
            tenants.put(id.value(), new Tenant(t.id(), t.displayName(), hosts, t.createdAt()));
        }

        @Override
        public boolean removeHost(TenantId id, String host) {
            Tenant t = tenants.get(id.value());
            List<String> hosts = new ArrayList<>(t.hosts());
            boolean removed = hosts.remove(host);
            tenants.put(id.value(), new Tenant(t.id(), t.displayName(), hosts, t.createdAt()));
            return removed;
        }

        @Override
        public void create(Tenant tenant) {
            if (tenants.containsKey(tenant.id().value()) || tenant.hosts().stream().anyMatch(h -> findByHost(h).isPresent())) {
                throw new DuplicateTenantException(tenant.id().value());
            }
            tenants.put(tenant.id().value(), tenant);
        }
    }
}
