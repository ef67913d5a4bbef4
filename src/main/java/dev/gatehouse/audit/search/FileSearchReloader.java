package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.log.Logs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the saved-search files at start-up and checks them every {@code gatehouse.audit.searches-reload-interval}
 * (a cheap look at names, sizes and modification times, which works on every file system, unlike file watching on
 * network mounts and in containers). Nothing runs when no directory is configured.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FileSearchReloader {

    private static final Logger LOG = Logs.of(FileSearchReloader.class);

    @Resource
    TimerService timers;
    @Inject
    AuditSearchConfig config;
    @Inject
    FileSearches searches;

    @PostConstruct
    void start() {
        if (config.dir().isEmpty()) {
            return;
        }
        tick();
        long every = config.reloadInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-audit-searches", false));
    }

    @Timeout
    void tick() {
        try {
            searches.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit searches: reading the saved-search files failed", e);
        }
    }
}
