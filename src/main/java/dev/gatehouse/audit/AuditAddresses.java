package dev.gatehouse.audit;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.tenant.settings.SettingsCatalog;
import dev.gatehouse.tenant.settings.TenantSettingsCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies each tenant's {@code audit.ip-masking} ({@link IpMasking}): to an entry before it is recorded, so a full
 * address never reaches a table of a tenant that masks, and to the {@code ip} values of a query, so filtering by an
 * address finds its masked rows. Hashing uses the server's HMAC key ({@link TokenHasher}).
 */
@ApplicationScoped
public class AuditAddresses {

    private TenantSettingsCache settings;
    private SettingsCatalog catalog;
    private AuditTenantSettings settable;
    private TokenHasher hasher;

    protected AuditAddresses() {
    }

    @Inject
    public AuditAddresses(TenantSettingsCache settings, SettingsCatalog catalog, AuditTenantSettings settable,
                          TokenHasher hasher) {
        this.settings = settings;
        this.catalog = catalog;
        this.settable = settable;
        this.hasher = hasher;
    }

    /** The entry as its tenant's rows keep it. */
    public AuditEntry masked(AuditEntry e) {
        if (e.ip() == null) {
            return e;
        }
        IpMasking masking = masking(e.tenant());
        if (masking == IpMasking.NONE) {
            return e;
        }
        return new AuditEntry(e.tenant(), e.occurredAt(), e.eventType(), e.action(), e.resourceType(), e.resourceId(),
                e.actorType(), e.actorId(), e.subject(), e.clientId(), e.result(), e.reason(), e.aal(),
                e.verification(), e.deviceClass(), e.os(), e.browser(), e.userAgent(),
                masking.mask(e.ip(), hasher::hash), e.requestId(), e.traceId(), e.details());
    }

    /** The filter with its {@code ip} values masked as the tenant's rows are. */
    public AuditFilter query(String tenant, AuditFilter filter) {
        List<String> ips = filter.equals().get("ip");
        if (ips == null) {
            return filter;
        }
        IpMasking masking = masking(tenant);
        Map<String, List<String>> equals = new LinkedHashMap<>(filter.equals());
        equals.put("ip", ips.stream().map(ip -> masking.query(ip, hasher::hash)).toList());
        return new AuditFilter(filter.from(), filter.to(), equals, filter.keyword(), filter.descending(),
                filter.after(), filter.limit());
    }

    private IpMasking masking(String tenant) {
        AuditConfig config = TenantId.isValid(tenant) ? settings.of(new TenantId(tenant), settable)
                : catalog.global(settable);
        return config.ipMasking();
    }
}
