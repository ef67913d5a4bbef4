package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.problem.ApiException.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsCatalogTest {

    private static final LimitsSettable LIMITS = new LimitsSettable("limits");
    private final SettingsCatalog catalog = new SettingsCatalog(LimitsSettable.global("limits"), List.of(LIMITS));

    @Test
    void checkWhenValuesFitThenNoProblems() {
        assertEquals(List.of(), catalog.check(Map.of("limits.min", "12", "limits.enabled", "off")));
        assertEquals(List.of(), catalog.check(Map.of()));
    }

    @Test
    void checkWhenValueWouldStopStartUpThenRefusedNamingKeyAndRule() {
        assertEquals(List.of(new FieldError("limits.min", "must be a whole number between 1 and 4096")),
                catalog.check(Map.of("limits.min", "twelve")));
        assertEquals(List.of(new FieldError("limits.enabled", "must be true or false")),
                catalog.check(Map.of("limits.enabled", "maybe")));
    }

    @Test
    void checkWhenSeveralValuesBadThenEachNamed() {
        List<FieldError> errors = catalog.check(Map.of("limits.min", "0", "limits.enabled", "maybe", "limits.max", "64"));

        assertEquals(List.of("limits.enabled", "limits.min"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void checkWhenKeyNotSettableThenRefusedNamingIt() {
        assertEquals(List.of(new FieldError("limits.cost", "is not a setting a tenant can set")),
                catalog.check(Map.of("limits.cost", "1")));
        assertEquals(List.of(new FieldError("nope.min", "is not a setting a tenant can set")),
                catalog.check(Map.of("nope.min", "1")));
        assertEquals(List.of(new FieldError("limits", "is not a setting a tenant can set")),
                catalog.check(Map.of("limits", "1")));
    }

    @Test
    void checkWhenMinimumAboveGlobalMaximumThenRefusedButTogetherWithHigherMaximumAccepted() {
        assertEquals(List.of(new FieldError("limits.max", "must be between 200 and 4096")),
                catalog.check(Map.of("limits.min", "200")));
        assertEquals(List.of(), catalog.check(Map.of("limits.min", "200", "limits.max", "300")));
    }

    @Test
    void checkWhenValueTooLongThenRefused() {
        assertEquals(List.of(new FieldError("limits.min", "must be at most 1000 characters long")),
                catalog.check(Map.of("limits.min", "1".repeat(1001))));
    }

    @Test
    void checkWhenCapabilityNameHasDotsThenKeysFoundUnderIt() {
        SettingsCatalog dotted = new SettingsCatalog(LimitsSettable.global("oauth2.client"),
                List.of(new LimitsSettable("oauth2.client")));

        assertEquals(List.of(), dotted.check(Map.of("oauth2.client.min", "9")));
        assertEquals(List.of(new FieldError("oauth2.client.min", "must be a whole number between 1 and 4096")),
                dotted.check(Map.of("oauth2.client.min", "x")));
    }

    @Test
    void effectiveWhenTenantSetSomeKeysThenThoseOverGlobalValues() {
        assertEquals(new LimitsSettable.Limits(12, 128, false, 3),
                catalog.effective(LIMITS, Map.of("limits.min", "12", "limits.enabled", "false", "other.key", "x")));
    }

    @Test
    void effectiveWhenTenantSetNothingThenTheOneGlobalConfiguration() {
        assertEquals(new LimitsSettable.Limits(8, 128, true, 3), catalog.effective(LIMITS, Map.of()));
        assertSame(catalog.global(LIMITS), catalog.effective(LIMITS, Map.of("other.key", "x")));
    }

    @Test
    void effectiveWhenStoredValuesNoLongerFitThenInvalidConfig() {
        assertThrows(InvalidConfigException.class, () -> catalog.effective(LIMITS, Map.of("limits.min", "500")));
    }

    @Test
    void globalValuesWhenAskedThenEverySettableKeyWithItsGlobalText() {
        assertEquals(Map.of("limits.min", "8", "limits.max", "128", "limits.enabled", "true"), catalog.globalValues());
    }

    @Test
    void constructWhenTwoBeansForOneCapabilityThenRefused() {
        assertThrows(IllegalStateException.class,
                () -> new SettingsCatalog(LimitsSettable.global("limits"), List.of(LIMITS, new LimitsSettable("limits"))));
    }
}
