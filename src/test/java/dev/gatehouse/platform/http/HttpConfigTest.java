package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpConfigTest {

    @Test
    void hstsMaxAgeWhenShippedThenAYearAndZeroSwitchesItOff() {
        assertEquals(Duration.ofDays(365), new HttpConfig(ShippedConfig.with()).hstsMaxAge());
        assertEquals(Duration.ZERO, new HttpConfig(ShippedConfig.with("gatehouse.http.hsts-max-age", "0")).hstsMaxAge());
        assertEquals(Duration.ofDays(30), new HttpConfig(ShippedConfig.with("gatehouse.http.hsts-max-age", "30d")).hstsMaxAge());
    }

    @Test
    void hstsMaxAgeWhenNotADurationThenStartUpRefusedNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new HttpConfig(ShippedConfig.with("gatehouse.http.hsts-max-age", "a year")));

        assertTrue(e.getMessage().contains("gatehouse.http.hsts-max-age"), e.getMessage());
    }
}
