package dev.gatehouse.tenant;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating and reading tenants, with validation and security events. */
@ApplicationScoped
public class TenantService {

    /** A DNS host name: labels of letters, digits and inner hyphens. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final int MAX_HOSTS = 50;

    private TenantRepository repository;
    private TenantResolver resolver;
    private SecurityEvents events;
    private Clock clock;

    protected TenantService() {
    }

    @Inject
    public TenantService(TenantRepository repository, TenantResolver resolver, SecurityEvents events, Clock clock) {
        this.repository = repository;
        this.resolver = resolver;
        this.events = events;
        this.clock = clock;
    }

    /** A request to create a tenant, validated before anything is written. */
    public record NewTenant(String id, String displayName, List<String> hosts) {

        public Tenant validate(Clock clock) {
            List<ApiException.FieldError> errors = new ArrayList<>();
            if (!TenantId.isValid(id)) {
                errors.add(new ApiException.FieldError("id",
                        "must be 1-63 lower-case letters, digits or inner hyphens"));
            }
            String name = displayName == null || displayName.isBlank() ? id : displayName.strip();
            if (name != null && (name.length() > 200 || name.chars().anyMatch(Character::isISOControl))) {
                errors.add(new ApiException.FieldError("display_name", "must be at most 200 printable characters"));
            }
            List<String> normalized = new ArrayList<>();
            if (hosts.size() > MAX_HOSTS) {
                errors.add(new ApiException.FieldError("hosts", "at most " + MAX_HOSTS + " hosts"));
            }
            for (int i = 0; i < hosts.size() && i < MAX_HOSTS; i++) {
                String h = hosts.get(i).toLowerCase(Locale.ROOT);
                if (!HOST.matcher(h).matches()) {
                    errors.add(new ApiException.FieldError("hosts/" + i, "must be a host name"));
                } else if (!normalized.contains(h)) {
                    normalized.add(h);
                }
            }
            if (!errors.isEmpty()) {
                throw new ApiException(dev.gatehouse.kernel.problem.ApiError.VALIDATION_FAILED,
                        "The tenant is not valid", errors);
            }
            return new Tenant(new TenantId(id), name, normalized, clock.instant());
        }
    }

    @Transactional
    public Tenant create(NewTenant request, String actor) {
        Tenant tenant = request.validate(clock);
        try {
            repository.create(tenant);
        } catch (DuplicateTenantException e) {
            throw ApiException.conflict("A tenant with this id, or one of these hosts, already exists");
        }
        resolver.invalidate();
        events.fire(SecurityEvent.of(SecurityEventType.TENANT_CREATED, Outcome.SUCCESS)
                .actor(actor).subject(tenant.id().value()).detail("hosts", String.join(",", tenant.hosts())));
        return tenant;
    }

    @Transactional
    public Optional<Tenant> find(String id) {
        return TenantId.isValid(id) ? repository.find(new TenantId(id)) : Optional.empty();
    }

    @Transactional
    public List<Tenant> list(int offset, int limit) {
        return repository.list(offset, limit);
    }
}
