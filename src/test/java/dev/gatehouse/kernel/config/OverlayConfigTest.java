package dev.gatehouse.kernel.config;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OverlayConfigTest {

    private static final MapConfig GLOBAL = MapConfig.of("gatehouse.limits.min", "2", "gatehouse.limits.max", "10");

    /** A capability whose maximum may not be below its minimum, as PasswordConfig's lengths. */
    record Limits(int min, int max) implements CapabilityConfig {
        static Limits read(Config config) {
            ConfigReader r = ConfigReader.of(config, "limits");
            int min = r.intInRange("min", 1, 100);
            return new Limits(min, r.intInRange("max", min, 100));
        }

        @Override
        public String capability() {
            return "limits";
        }
    }

    private static final TenantSettable<Limits> SETTABLE = new TenantSettable<>() {
        @Override
        public String capability() {
            return "limits";
        }

        @Override
        public Set<String> names() {
            return Set.of("min", "max");
        }

        @Override
        public Limits read(Config config) {
            return Limits.read(config);
        }
    };

    @Test
    void getWhenKeyOverlaidThenOverlaidValueElseBase() {
        OverlayConfig config = new OverlayConfig(GLOBAL, Map.of("gatehouse.limits.min", "5"));

        assertEquals(Optional.of("5"), config.getOptionalValue("gatehouse.limits.min", String.class));
        assertEquals(Optional.of("10"), config.getOptionalValue("gatehouse.limits.max", String.class));
        assertEquals(Optional.empty(), config.getOptionalValue("gatehouse.limits.other", String.class));
    }

    @Test
    void readWhenNoValuesThenGlobalConfiguration() {
        assertEquals(new Limits(2, 10), OverlayConfig.read(SETTABLE, GLOBAL, Map.of()));
    }

    @Test
    void readWhenSomeNamesSetThenTheyWinAndTheRestStaysGlobal() {
        assertEquals(new Limits(7, 10), OverlayConfig.read(SETTABLE, GLOBAL, Map.of("min", "7")));
    }

    @Test
    void readWhenValueBreaksGlobalRuleThenSameErrorAsAtStartUpNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTABLE, GLOBAL, Map.of("min", "zero")));

        assertEquals("gatehouse.limits.min", e.key());
        assertEquals("must be a whole number between 1 and 100", e.problem());
    }

    @Test
    void readWhenCombinationBreaksRuleAcrossKeysThenRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTABLE, GLOBAL, Map.of("min", "20")));

        assertEquals("gatehouse.limits.max", e.key());
        assertEquals(new Limits(20, 30), OverlayConfig.read(SETTABLE, GLOBAL, Map.of("min", "20", "max", "30")));
    }
}
