package dev.gatehouse.credential.password;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.EffectiveConfig;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.OverlayConfig;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.config.TenantSettable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordTenantSettingsTest {

    private static final List<String> ALICE = List.of("alice@example.com");
    private static final MapConfig GLOBAL = new MapConfig(ShippedConfig.values("gatehouse."));
    private static final PasswordTenantSettings SETTINGS = new PasswordTenantSettings();

    /** Each tenant's own {@code password.*} values, over the shipped global configuration. */
    private final Map<String, Map<String, String>> tenants = Map.of(
            "strict", Map.of("min-length", "16", "breached-check", "true"),
            "relaxed", Map.of("min-length", "6", "breached-check", "false"),
            "plain", Map.of());
    private String current = "plain";

    private final EffectiveConfig effective = new EffectiveConfig() {
        @Override
        public <C extends CapabilityConfig> C of(TenantSettable<C> settable) {
            return OverlayConfig.read(settable, GLOBAL, tenants.get(current));
        }
    };
    private final PasswordPolicy policy = new PasswordPolicy(effective, SETTINGS);

    private List<PolicyViolation> checkIn(String tenant, String password) {
        current = tenant;
        return policy.check(password, ALICE);
    }

    @Test
    void checkWhenTenantsSetDifferentMinimumsThenOneAcceptsWhatTheOtherRefuses() {
        String twelve = "violet harp9";

        assertEquals(List.of(), checkIn("relaxed", twelve));
        assertEquals(List.of(PolicyViolation.minLength(16, 12)), checkIn("strict", twelve));
    }

    @Test
    void checkWhenTenantTurnedBreachedCheckOffThenCommonPasswordAccepted() {
        assertEquals(List.of(), checkIn("relaxed", "password123"));
        assertEquals(List.of(PolicyViolation.tooManyBreaches(1)), checkIn("plain", "password123"));
    }

    @Test
    void checkWhenTenantSetNothingThenGlobalRules() {
        assertEquals(List.of(PolicyViolation.minLength(8, 7)), checkIn("plain", "x7#kQ2z"));
    }

    @Test
    void readWhenTenantValueBreaksPasswordRuleThenRefusedNamingKey() {
        InvalidConfigException zero = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTINGS, GLOBAL, Map.of("min-length", "0")));
        InvalidConfigException aboveMax = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTINGS, GLOBAL, Map.of("min-length", "200")));

        assertEquals("gatehouse.password.min-length", zero.key());
        assertEquals("must be between 1 and 4096", zero.problem());
        assertEquals("gatehouse.password.max-length", aboveMax.key());
        assertEquals(200, OverlayConfig.read(SETTINGS, GLOBAL, Map.of("min-length", "200", "max-length", "256")).minLength());
    }

    @Test
    void namesWhenListedThenPolicyOnlyNotHashCost() {
        assertEquals(4, SETTINGS.names().size());
        assertFalse(SETTINGS.names().stream().anyMatch(name -> name.startsWith("argon2")));
    }
}
