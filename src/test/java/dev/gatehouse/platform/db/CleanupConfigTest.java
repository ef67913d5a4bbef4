package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CleanupConfigTest {

    @Test
    void configWhenShippedThenEvery15MinutesAfter24HoursInBatchesOf500() {
        CleanupConfig c = new CleanupConfig(ShippedConfig.with());

        assertEquals(Duration.ofMinutes(15), c.interval());
        assertEquals(Duration.ofHours(24), c.grace());
        assertEquals(500, c.batchSize());
    }

    @Test
    void configWhenTheOldTokenKeysAreSetThenTheyStillWin() {
        CleanupConfig c = new CleanupConfig(ShippedConfig.with("gatehouse.oauth2.token.cleanup-interval", "1h",
                "gatehouse.oauth2.token.cleanup-grace", "0s"));

        assertEquals(Duration.ofHours(1), c.interval());
        assertEquals(Duration.ZERO, c.grace(), "a grace of zero is allowed");
    }

    @Test
    void configWhenBadValuesThenStartUpStopsNamingTheKey() {
        assertEquals("gatehouse.cleanup.batch-size", assertThrows(InvalidConfigException.class,
                () -> new CleanupConfig(ShippedConfig.with("gatehouse.cleanup.batch-size", "0"))).key());
        assertEquals("gatehouse.cleanup.grace", assertThrows(InvalidConfigException.class,
                () -> new CleanupConfig(ShippedConfig.with("gatehouse.cleanup.grace", "-1h"))).key());
        assertEquals("gatehouse.oauth2.token.cleanup-interval", assertThrows(InvalidConfigException.class,
                () -> new CleanupConfig(ShippedConfig.with("gatehouse.oauth2.token.cleanup-interval", "often"))).key());
    }
}
