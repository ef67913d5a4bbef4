package dev.gatehouse.platform;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.platform.db.DatabaseConfig;
import dev.gatehouse.platform.demo.DemoConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Creates every capability's configuration bean before anything else starts, so that invalid values stop the
 * application with one line per key naming it, and logs one summary line of what is in force.
 */
@Startup
@Singleton
public class StartupCheck {

    private static final Logger LOG = Logs.of(StartupCheck.class);

    @Inject
    Instance<CapabilityConfig> configs;
    @Inject
    BuildInfo build;
    @Inject
    DatabaseConfig database;
    @Inject
    DemoConfig demo;

    @PostConstruct
    void check() {
        List<String> invalid = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (Instance.Handle<CapabilityConfig> handle : configs.handles()) {
            try {
                String summary = handle.get().startupSummary();
                if (summary != null) {
                    summaries.add(summary);
                }
            } catch (RuntimeException e) {
                InvalidConfigException i = find(e);
                if (i == null) {
                    throw e;
                }
                LOG.severe(i.getMessage());
                invalid.add(i.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            throw new IllegalStateException(String.join("; ", invalid));
        }
        LOG.info("Gatehouse " + build.version() + " starting: database=" + database.kind().name().toLowerCase(Locale.ROOT)
                + ", demo=" + (demo.enabled() ? "on" : "off") + (summaries.isEmpty() ? "" : ", " + String.join(", ", summaries)));
    }

    private static InvalidConfigException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidConfigException i) {
                return i;
            }
        }
        return null;
    }
}
