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

/**
 * Creating, finding and reading tenants and mapping host names to them, with validation and security events. The
 * admin API and the console both change tenants only through here.
 */
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
                if (!isHost(h)) {
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

    /**
     * The tenants whose id or display name contains {@code text}, or one of whose hosts it is (case-insensitive);
     * every tenant for blank text.
     */
    @Transactional
    public List<Tenant> search(String text, int offset, int limit) {
        return text == null || text.isBlank() ? repository.list(offset, limit) : repository.search(text.strip(), offset, limit);
    }

    /**
     * Maps {@code host} to the tenant, so requests for it belong to the tenant; nothing changes (and no event fires)
     * when the tenant has it already.
     *
     * @throws ApiException 404 for no such tenant, 400 naming {@code host} for a name that is no host name or one
     *                      too many, 409 when another tenant has the host
     */
    @Transactional
    public Tenant addHost(String id, String host, String actor) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!isHost(h)) {
            throw ApiException.invalid("host", "must be a host name");
        }
        Tenant tenant = locked(id);
        if (tenant.hosts().contains(h)) {
            return tenant;
        }
        if (tenant.hosts().size() >= MAX_HOSTS) {
            throw ApiException.invalid("host", "at most " + MAX_HOSTS + " hosts");
        }
        try {
            repository.addHost(tenant.id(), h);
        } catch (DuplicateTenantException e) {
            throw ApiException.conflict("Another tenant has this host");
        }
        return hostsChanged(tenant, "added", h, actor);
    }

    /**
     * Takes {@code host} from the tenant: requests for it are refused from now on (or belong to another tenant it
     * is mapped to later).
     *
     * @throws ApiException 404 for no such tenant, or a host the tenant does not have
     */
    @Transactional
    public Tenant removeHost(String id, String host, String actor) {
        Tenant tenant = locked(id);
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (!repository.removeHost(tenant.id(), h)) {
            throw ApiException.notFound("The tenant has no such host");
        }
        return hostsChanged(tenant, "removed", h, actor);
    }

    private Tenant locked(String id) {
        return (TenantId.isValid(id) ? repository.lock(new TenantId(id)) : Optional.<Tenant>empty())
                .orElseThrow(() -> ApiException.notFound("No tenant with this id"));
    }

    private Tenant hostsChanged(Tenant tenant, String change, String host, String actor) {
        resolver.invalidate();
        events.fire(SecurityEvent.of(SecurityEventType.TENANT_HOSTS_CHANGED, Outcome.SUCCESS)
                .actor(actor).subject(tenant.id().value()).detail(change, host));
        return repository.find(tenant.id()).orElseThrow();
    }

    private static boolean isHost(String lowerCase) {
        return HOST.matcher(lowerCase).matches();
    }
}
