package dev.gatehouse.gateway.engine;

import dev.gatehouse.kernel.log.Logs;

import dev.gatehouse.gateway.GatewayConfig;
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
 * Loads the rules at start-up and polls the rule files every {@code gatehouse.gateway.rules.reload-interval}
 * (a cheap look at names, sizes and modification times, which works on every file system, unlike file
 * watching on network mounts and in containers).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RuleReloader {

    private static final Logger LOG = Logs.of(RuleReloader.class);

    @Resource
    TimerService timers;
    @Inject
    GatewayConfig config;
    @Inject
    ActiveRules rules;

    @PostConstruct
    void start() {
        long every = config.reloadInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("gatehouse-gateway-rules", false));
    }

    @Timeout
    void tick() {
        try {
            rules.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway: rule reload failed", e);
        }
    }
}
