package dev.gatehouse.tenant;

import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantIdTest {

    @Test
    void isValidWhenDnsLabelThenTrue() {
        assertTrue(TenantId.isValid("default"));
        assertTrue(TenantId.isValid("acme-2"));
        assertTrue(TenantId.isValid("a"));
        assertTrue(TenantId.isValid("a".repeat(63)));
    }

    @Test
    void isValidWhenAnythingElseThenFalse() {
        for (String bad : new String[] {null, "", "UPPER", "-lead", "trail-", "a_b", "a.b", "..", "a/b", "%2e", "a".repeat(64), "ü"}) {
            assertFalse(TenantId.isValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new TenantId("Bad"));
    }
}
