package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.TenantSettable;
import org.eclipse.microprofile.config.Config;

import java.util.Set;

/**
 * A capability for the tests, shaped like the password policy: a range whose maximum may not be below its minimum,
 * a switch, and a cost that tenants may not set. Its capability name is given, so a dotted one can be tried.
 */
record LimitsSettable(String capability) implements TenantSettable<LimitsSettable.Limits> {

    record Limits(int min, int max, boolean enabled, int cost) implements CapabilityConfig {
        @Override
        public String capability() {
            return "limits";
        }
    }

    static MapConfig global(String capability) {
        String p = "gatehouse." + capability + ".";
        return MapConfig.of(p + "min", "8", p + "max", "128", p + "enabled", "true", p + "cost", "3");
    }

    @Override
    public Set<String> names() {
        return Set.of("min", "max", "enabled");
    }

    @Override
    public Limits read(Config config) {
        ConfigReader r = ConfigReader.of(config, capability);
        int min = r.intInRange("min", 1, 4096);
        return new Limits(min, r.intInRange("max", min, 4096), r.bool("enabled"), r.intInRange("cost", 1, 10));
    }
}
