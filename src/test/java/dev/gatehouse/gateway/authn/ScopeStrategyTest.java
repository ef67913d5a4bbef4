package dev.gatehouse.gateway.authn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScopeStrategyTest {

    @Test
    void exactNeedsTheSameScope() {
        assertTrue(ScopeStrategy.EXACT.matches("read", "read"));
        assertFalse(ScopeStrategy.EXACT.matches("read", "read.all"));
        assertFalse(ScopeStrategy.EXACT.matches("", ""));
    }

    @Test
    void hierarchicLetsAParentGrantItsChildrenButNotAPrefixOfAName() {
        assertTrue(ScopeStrategy.HIERARCHIC.matches("foo", "foo.bar"));
        assertTrue(ScopeStrategy.HIERARCHIC.matches("foo", "foo"));
        assertFalse(ScopeStrategy.HIERARCHIC.matches("foo", "foobar"));
        assertFalse(ScopeStrategy.HIERARCHIC.matches("foo.bar", "foo"));
    }

    @Test
    void wildcardMatchesOnePartPerStar() {
        assertTrue(ScopeStrategy.WILDCARD.matches("foo.*", "foo.bar"));
        assertFalse(ScopeStrategy.WILDCARD.matches("foo.*", "foo.bar.baz"));
        assertFalse(ScopeStrategy.WILDCARD.matches("foo.*", "other.bar"));
    }
}
