package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.demo.DemoRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The path prefixes the servlet filter guards: {@code gatehouse.gateway.filter.paths} while
 * {@code gatehouse.gateway.filter.enabled}, and {@link DemoRules#PATH} in demo mode.
 */
@ApplicationScoped
public class GuardedPaths {

    @Inject
    GatewayConfig config;
    @Inject
    DemoRules demo;

    /** True when this context-relative path lies under a guarded prefix. */
    public boolean covers(String path) {
        if (demo.enabled() && under(path, DemoRules.PATH)) {
            return true;
        }
        return config.filterEnabled() && config.filterPaths().stream().anyMatch(p -> under(path, p));
    }

    private static boolean under(String path, String prefix) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || path.startsWith(p + "/");
    }
}
