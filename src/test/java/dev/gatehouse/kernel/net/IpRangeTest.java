package dev.gatehouse.kernel.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpRangeTest {

    @Test
    void literalWhenHostNameOrMalformedThenEmpty() {
        assertTrue(IpRange.literal("cafe").isEmpty());
        assertTrue(IpRange.literal("dead.beef").isEmpty());
        assertTrue(IpRange.literal("256.0.0.1").isEmpty());
        assertTrue(IpRange.literal("2001:db8::zz").isEmpty());
        assertTrue(IpRange.literal("10.0.0.1").isPresent());
        assertTrue(IpRange.literal("2001:db8::1").isPresent());
    }

    @Test
    void containsWhenInsideRangeThenTrueAndOutsideFalse() {
        IpRange range = IpRange.parse("10.1.0.0/16");

        assertTrue(range.contains("10.1.200.3"));
        assertFalse(range.contains("10.2.0.1"));
        assertFalse(range.contains("::ffff:10.1.0.1".replace("::ffff:", "2001:db8::")));
    }

    @Test
    void containsWhenSingleAddressThenOnlyThatAddress() {
        IpRange one = IpRange.parse("192.0.2.7");

        assertTrue(one.contains("192.0.2.7"));
        assertFalse(one.contains("192.0.2.8"));
    }

    @Test
    void containsWhenIpv6InBracketsOrWithZoneThenMatched() {
        IpRange range = IpRange.parse("fd00::/8");

        assertTrue(range.contains("[fd12::1]"));
        assertTrue(range.contains("fd12::1%eth0"));
        assertFalse(range.contains("2001:db8::1"));
    }

    @Test
    void containsWhenHostNameThenFalseWithoutLookup() {
        assertFalse(IpRange.parse("127.0.0.0/8").contains("localhost"));
    }

    @Test
    void parseWhenMalformedThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("cafe/16"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("proxy.example"));
    }
}
