package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.demo.DemoSeeding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** Demo tenant {@code acme}, reachable as http://acme.localhost:9080/ or http://localhost:9080/t/acme/. */
@ApplicationScoped
public class TenantDemoSeed {

    static final TenantId DEMO = new TenantId("acme");

    @Inject
    TenantRepository repository;
    @Inject
    TenantResolver resolver;
    @Inject
    Clock clock;

    @Transactional
    public void seed(@Observes DemoSeeding seeding) {
        if (repository.find(DEMO).isPresent()) {
            seeding.seeded("tenant 'acme': already present");
            return;
        }
        repository.create(new Tenant(DEMO, "Acme Corp (demo)", List.of("acme.localhost"), clock.instant()));
        resolver.invalidate();
        seeding.seeded("tenant 'acme' with host acme.localhost — try http://localhost:9080/t/acme/tenant");
    }
}
