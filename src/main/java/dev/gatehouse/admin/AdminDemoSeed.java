package dev.gatehouse.admin;

import dev.gatehouse.platform.demo.DemoSeeding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** In the demo run, prints the generated admin API key (the one secret that is printed, and only then). */
@ApplicationScoped
public class AdminDemoSeed {

    @Inject
    AdminCredentials credentials;

    void seed(@Observes DemoSeeding seeding) {
        credentials.generatedDemoKey().ifPresentOrElse(
                key -> seeding.seeded("admin API key (generated for this run): " + key
                        + "  — e.g. curl -H 'Authorization: Bearer " + key + "' http://localhost:9080/admin/tenants"),
                () -> seeding.seeded("admin API key: the configured one (GATEHOUSE_ADMIN_API_KEY); not printed"));
    }
}
