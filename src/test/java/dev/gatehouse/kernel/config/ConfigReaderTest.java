package dev.gatehouse.kernel.config;

import dev.gatehouse.admin.AdminConfig;
import dev.gatehouse.platform.http.HttpConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReaderTest {

    @Test
    void envNameThenMicroProfileMapping() {
        assertEquals("GATEHOUSE_HTTP_MAX_REQUEST_BYTES", ConfigReader.envName("gatehouse.http.max-request-bytes"));
    }

    @Test
    void positiveLongWhenNotANumberThenOneLineNamingKeyAndEnvironmentVariable() {
        ConfigReader r = ConfigReader.of(MapConfig.of("gatehouse.http.max-request-bytes", "lots"), "http");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> r.positiveLong("max-request-bytes"));

        assertEquals("Invalid configuration: gatehouse.http.max-request-bytes (environment GATEHOUSE_HTTP_MAX_REQUEST_BYTES)"
                + " = \"lots\": must be a positive whole number", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("gatehouse.http.max-request-bytes", e.key());
    }

    @Test
    void positiveLongWhenZeroOrNegativeThenInvalid() {
        assertThrows(InvalidConfigException.class, () -> ConfigReader.of(MapConfig.of("gatehouse.x.n", "0"), "x").positiveLong("n"));
        assertThrows(InvalidConfigException.class, () -> ConfigReader.of(MapConfig.of("gatehouse.x.n", "-5"), "x").positiveLong("n"));
    }

    @Test
    void durationWhenShortFormsOrIsoThenParsed() {
        ConfigReader r = ConfigReader.of(MapConfig.of("gatehouse.x.a", "30s", "gatehouse.x.b", "15m", "gatehouse.x.c", "PT2H",
                "gatehouse.x.d", "30d", "gatehouse.x.e", "250ms"), "x");

        assertEquals(Duration.ofSeconds(30), r.duration("a"));
        assertEquals(Duration.ofMinutes(15), r.duration("b"));
        assertEquals(Duration.ofHours(2), r.duration("c"));
        assertEquals(Duration.ofDays(30), r.duration("d"));
        assertEquals(Duration.ofMillis(250), r.duration("e"));
    }

    @Test
    void durationWhenGarbageThenInvalid() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ConfigReader.of(MapConfig.of("gatehouse.x.ttl", "soon"), "x").duration("ttl"));
        assertTrue(e.getMessage().contains("gatehouse.x.ttl"));
    }

    @Test
    void boolWhenNotABooleanThenInvalid() {
        assertTrue(ConfigReader.of(MapConfig.of("gatehouse.demo.enabled", "ON"), "demo").bool("enabled"));
        assertThrows(InvalidConfigException.class,
                () -> ConfigReader.of(MapConfig.of("gatehouse.demo.enabled", "maybe"), "demo").bool("enabled"));
    }

    @Test
    void requiredWhenMissingThenInvalidNamingKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new HttpConfig(MapConfig.of()));
        assertTrue(e.getMessage().startsWith("Invalid configuration: gatehouse.http.max-request-bytes"), e.getMessage());
    }

    @Test
    void secretWhenTooShortThenInvalidWithoutEchoingTheValue() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new AdminConfig(MapConfig.of("gatehouse.admin.api-key", "short-secret-value")));

        assertTrue(e.getMessage().contains("gatehouse.admin.api-key"));
        assertFalse(e.getMessage().contains("short-secret-value"), e.getMessage());
    }

    @Test
    void secretWhenEmptyThenAbsent() {
        assertTrue(new AdminConfig(MapConfig.of("gatehouse.admin.api-key", "  ")).apiKey().isEmpty());
    }

    @Test
    void oneOfWhenUnknownThenListsChoices() {
        enum Kind { EMBEDDED, POSTGRESQL }
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ConfigReader.of(MapConfig.of("gatehouse.db.kind", "oracle"), "db").oneOf("kind", Kind.class));

        assertTrue(e.getMessage().endsWith("must be one of [embedded, postgresql]"), e.getMessage());
    }
}
