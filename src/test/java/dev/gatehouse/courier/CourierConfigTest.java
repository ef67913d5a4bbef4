package dev.gatehouse.courier;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourierConfigTest {

    private static MapConfig config(String... overrides) {
        String[] defaults = {
            "gatehouse.courier.smtp.port", "25", "gatehouse.courier.smtp.tls", "none",
            "gatehouse.courier.from-address", "no-reply@gatehouse.localhost", "gatehouse.courier.from-name", "Gatehouse",
            "gatehouse.courier.max-attempts", "10", "gatehouse.courier.retry-backoff", "10s",
            "gatehouse.courier.max-backoff", "1h", "gatehouse.courier.batch-size", "50",
            "gatehouse.courier.poll-interval", "2s", "gatehouse.courier.processing-timeout", "5m",
            "gatehouse.courier.held-max-age", "15m", "gatehouse.courier.retention", "7d"};
        String[] all = new String[defaults.length + overrides.length];
        System.arraycopy(defaults, 0, all, 0, defaults.length);
        System.arraycopy(overrides, 0, all, defaults.length, overrides.length);
        return MapConfig.of(all);
    }

    @Test
    void configWhenNoSmtpHostThenMessagesAreHeld() {
        assertFalse(new CourierConfig(config()).sends());
        assertTrue(new CourierConfig(config("gatehouse.courier.smtp.host", "mail.example")).sends());
    }

    @Test
    void backoffWhenFailuresGrowThenDoublesUpToTheCap() {
        CourierConfig c = new CourierConfig(config("gatehouse.courier.max-backoff", "1m"));
        assertEquals(Duration.ofSeconds(10), c.backoffAfter(1));
        assertEquals(Duration.ofSeconds(20), c.backoffAfter(2));
        assertEquals(Duration.ofSeconds(40), c.backoffAfter(3));
        assertEquals(Duration.ofMinutes(1), c.backoffAfter(4));
        assertEquals(Duration.ofMinutes(1), c.backoffAfter(500));
    }

    @Test
    void heldMaxAgeWhenSetThenReadAndWhenNotADurationThenStartUpStopsNamingTheKey() {
        assertEquals(Duration.ofHours(2), new CourierConfig(config("gatehouse.courier.held-max-age", "2h")).heldMaxAge());
        assertEquals("gatehouse.courier.held-max-age", assertThrows(InvalidConfigException.class,
                () -> new CourierConfig(config("gatehouse.courier.held-max-age", "soon"))).key());
    }

    @Test
    void configWhenBadValuesThenStartUpStopsNamingTheKey() {
        assertEquals("gatehouse.courier.smtp.tls", assertThrows(InvalidConfigException.class,
                () -> new CourierConfig(config("gatehouse.courier.smtp.tls", "ssl3"))).key());
        assertEquals("gatehouse.courier.from-address", assertThrows(InvalidConfigException.class,
                () -> new CourierConfig(config("gatehouse.courier.from-address", "a@b.c, d@e.f"))).key());
        assertEquals("gatehouse.courier.templates-dir", assertThrows(InvalidConfigException.class,
                () -> new CourierConfig(config("gatehouse.courier.templates-dir", "/no/such/dir"))).key());
    }

    @Test
    void fromWhenNameConfiguredThenDisplayNameOnTheAddress() {
        assertEquals("Gatehouse <no-reply@gatehouse.localhost>", new CourierConfig(config()).from().toString());
    }
}
