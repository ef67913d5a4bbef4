package dev.gatehouse.audit;

import dev.gatehouse.kernel.config.TenantSettable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * A tenant may set how long its audit rows are kept ({@code audit.retention}, at least a day) and what of a client
 * address they keep ({@code audit.ip-masking}).
 */
@ApplicationScoped
public class AuditTenantSettings implements TenantSettable<AuditConfig> {

    @Override
    public String capability() {
        return "audit";
    }

    @Override
    public Set<String> names() {
        return Set.of("retention", "ip-masking");
    }

    @Override
    public AuditConfig read(Config config) {
        return new AuditConfig(config);
    }
}
