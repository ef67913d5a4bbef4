package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ApiException.FieldError;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reading and changing a tenant's settings. A change is checked as a whole ({@link SettingsCatalog#check}) and
 * stored only when every value passes; a refused change stores nothing. Changes to one tenant are serialised by a
 * lock on its row, so two concurrent patches cannot lose each other's keys.
 */
@ApplicationScoped
public class TenantSettingsService {

    /** Most keys one tenant may set. */
    public static final int MAX_SETTINGS = 100;

    private TenantSettingsRepository repository;
    private SettingsCatalog catalog;
    private SecurityEvents events;
    private Event<TenantSettingsChanged> changed;
    private Clock clock;

    protected TenantSettingsService() {
    }

    @Inject
    public TenantSettingsService(TenantSettingsRepository repository, SettingsCatalog catalog, SecurityEvents events,
                                 Event<TenantSettingsChanged> changed, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
        this.changed = changed;
        this.clock = clock;
    }

    /** What the tenant has set, by key; empty for a tenant without settings or without a row. */
    @Transactional
    public SortedMap<String, String> values(TenantId tenant) {
        return repository.find(tenant);
    }

    /** Every key a tenant may set, with the value that applies when it has not (empty text when there is none). */
    public SortedMap<String, String> globalValues() {
        return catalog.globalValues();
    }

    /** What the tenant has set; 404 when there is no such tenant. */
    @Transactional
    public SortedMap<String, String> get(TenantId tenant) {
        if (!repository.exists(tenant)) {
            throw notFound();
        }
        return repository.find(tenant);
    }

    /** The value in force for every key a tenant may set: the tenant's own, else the global one. */
    @Transactional
    public SortedMap<String, String> effective(TenantId tenant) {
        SortedMap<String, String> own = get(tenant);
        SortedMap<String, String> values = globalValues();
        values.putAll(own);
        return values;
    }

    /** Makes {@code values} the tenant's whole set of settings (PUT). */
    @Transactional
    public SortedMap<String, String> replace(TenantId tenant, Map<String, String> values, String actor) {
        SortedMap<String, String> current = locked(tenant);
        return store(tenant, current, new TreeMap<>(values), actor);
    }

    /** Sets {@code set} and removes {@code unset}, keeping the tenant's other settings (PATCH). */
    @Transactional
    public SortedMap<String, String> patch(TenantId tenant, Map<String, String> set, Set<String> unset, String actor) {
        SortedMap<String, String> current = locked(tenant);
        SortedMap<String, String> next = new TreeMap<>(current);
        next.keySet().removeAll(unset);
        next.putAll(set);
        return store(tenant, current, next, actor);
    }

    private SortedMap<String, String> locked(TenantId tenant) {
        if (!repository.lock(tenant)) {
            throw notFound();
        }
        return repository.find(tenant);
    }

    private static ApiException notFound() {
        return ApiException.notFound("No tenant with this id");
    }

    private SortedMap<String, String> store(TenantId tenant, SortedMap<String, String> current,
                                            SortedMap<String, String> next, String actor) {
        if (next.size() > MAX_SETTINGS) {
            throw invalid(List.of(new FieldError("settings", "at most " + MAX_SETTINGS + " keys")));
        }
        List<FieldError> errors = catalog.check(next);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (next.equals(current)) {
            return current;
        }
        repository.replace(tenant, next, clock.instant());
        changed.fire(new TenantSettingsChanged(tenant));
        events.fire(SecurityEvent.of(SecurityEventType.TENANT_SETTINGS_CHANGED, Outcome.SUCCESS)
                .actor(actor).subject(tenant.value()).detail("keys", changedKeys(current, next)));
        return next;
    }

    /** 400 naming every refused key, as the keys API answers bad input. */
    private static ApiException invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new ApiException(ApiError.MALFORMED_REQUEST, "Setting " + first.field() + ": " + first.message(), errors);
    }

    private static String changedKeys(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        return String.join(",", keys);
    }
}
