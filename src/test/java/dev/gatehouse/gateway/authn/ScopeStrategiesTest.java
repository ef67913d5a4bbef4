package dev.gatehouse.gateway.authn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeStrategiesTest {

    @Test
    void exactNeedsTheSameScope() {
        assertTrue(ScopeStrategies.matches("exact", "read", "read"));
        assertFalse(ScopeStrategies.matches("exact", "read", "read.all"));
        assertFalse(ScopeStrategies.matches("exact", "", ""));
    }

    @Test
    void hierarchicLetsAParentGrantItsChildrenButNotAPrefixOfAName() {
        assertTrue(ScopeStrategies.matches("hierarchic", "foo", "foo.bar"));
        assertTrue(ScopeStrategies.matches("hierarchic", "foo", "foo"));
        assertFalse(ScopeStrategies.matches("hierarchic", "foo", "foobar"));
        assertFalse(ScopeStrategies.matches("hierarchic", "foo.bar", "foo"));
    }

    @Test
    void wildcardMatchesOnePartPerStar() {
        assertTrue(ScopeStrategies.matches("wildcard", "foo.*", "foo.bar"));
        assertFalse(ScopeStrategies.matches("wildcard", "foo.*", "foo.bar.baz"));
        assertFalse(ScopeStrategies.matches("wildcard", "foo.*", "other.bar"));
    }
}
