package dev.gatehouse.platform.demo;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.platform.db.DatabaseMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Runs the demo seeding once the schema is there, if the demo switch is on, and logs what was seeded. */
@ApplicationScoped
public class DemoRunner {

    private static final Logger LOG = Logger.getLogger("gatehouse.demo");

    @Inject
    DemoConfig config;
    @Inject
    Event<DemoSeeding> seeding;
    @Inject
    SecurityEvents events;

    void onMigrated(@Observes DatabaseMigrated migrated) {
        if (!config.enabled()) {
            return;
        }
        DemoSeeding seeded = new DemoSeeding();
        seeding.fire(seeded);
        StringBuilder text = new StringBuilder("\n==================== Gatehouse demo mode (gatehouse.demo.enabled=true) ====================\n")
                .append("Never use demo mode in production. Seeded:\n");
        seeded.lines().forEach(l -> text.append("  - ").append(l).append('\n'));
        text.append("===========================================================================================");
        LOG.warning(text.toString());
        events.fire(SecurityEvent.of(SecurityEventType.DEMO_DATA_SEEDED, Outcome.SUCCESS)
                .actor("demo").detail("items", seeded.lines().size()));
    }
}
