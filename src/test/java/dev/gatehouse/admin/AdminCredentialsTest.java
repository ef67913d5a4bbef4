package dev.gatehouse.admin;

import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.platform.demo.DemoConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminCredentialsTest {

    private static final String KEY = "k".repeat(40);

    private static AdminCredentials credentials(String key, boolean demo) {
        return new AdminCredentials(new AdminConfig(MapConfig.of("gatehouse.admin.api-key", key)),
                new DemoConfig(MapConfig.of("gatehouse.demo.enabled", Boolean.toString(demo))));
    }

    @Test
    void matchesWhenExactKeyThenTrueOtherwiseFalse() {
        AdminCredentials c = credentials(KEY, false);

        assertTrue(c.matches(KEY));
        assertFalse(c.matches(KEY + "x"));
        assertFalse(c.matches(KEY.substring(1)));
        assertFalse(c.matches(""));
        assertFalse(c.matches(null));
    }

    @Test
    void matchesWhenNoKeyAndNoDemoThenNothingMatches() {
        AdminCredentials c = credentials("", false);

        assertFalse(c.configured());
        assertFalse(c.matches(""));
        assertTrue(c.generatedDemoKey().isEmpty());
    }

    @Test
    void demoWhenNoKeyThenOneIsGeneratedAndWorks() {
        AdminCredentials c = credentials("", true);

        String generated = c.generatedDemoKey().orElseThrow();
        assertTrue(generated.startsWith("gh_admin_") && generated.length() >= 40, generated);
        assertTrue(c.matches(generated));
    }

    @Test
    void demoWhenKeyConfiguredThenNothingGenerated() {
        assertTrue(credentials(KEY, true).generatedDemoKey().isEmpty());
    }

    @Test
    void bearerWhenHeaderShapesThenOnlyBearerTokensExtracted() {
        assertEquals("abc", AdminAuthFilter.bearer("Bearer abc"));
        assertEquals("abc", AdminAuthFilter.bearer("bearer   abc "));
        assertNull(AdminAuthFilter.bearer("Basic abc"));
        assertNull(AdminAuthFilter.bearer("Bearer "));
        assertNull(AdminAuthFilter.bearer(null));
    }
}
