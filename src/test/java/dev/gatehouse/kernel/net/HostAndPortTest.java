package dev.gatehouse.kernel.net;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostAndPortTest {

    @Test
    void parseWhenNameAndPortThenLowerCasedWithoutTrailingDot() {
        assertEquals(Optional.of(new HostAndPort("login.example.com", 8443)), HostAndPort.parse("Login.Example.COM.:8443"));
        assertEquals(Optional.of(new HostAndPort("localhost", -1)), HostAndPort.parse("localhost"));
    }

    @Test
    void parseWhenIpv6LiteralThenKeptInBrackets() {
        assertEquals(Optional.of(new HostAndPort("[::1]", 9080)), HostAndPort.parse("[::1]:9080"));
        assertTrue(HostAndPort.parse("[::1]").orElseThrow().loopback());
    }

    @Test
    void parseWhenHostileThenEmpty() {
        for (String bad : new String[] {"", "evil.example@login.example.com", "a b", "host:0", "host:65536", "host:80:80",
                "host:", "ex%61mple.com", "[::1", "[zz::1]", "a..b", "-a.example", "x".repeat(300), "h\r\nX: y", "[::1]x"}) {
            assertFalse(HostAndPort.parse(bad).isPresent(), bad);
        }
    }

    @Test
    void authorityWhenDefaultPortOfSchemeThenLeftOut() {
        assertEquals("a.example", new HostAndPort("a.example", 443).authority("https"));
        assertEquals("a.example:443", new HostAndPort("a.example", 443).authority("http"));
        assertEquals("a.example:8080", new HostAndPort("a.example", 8080).authority("https"));
    }

    @Test
    void loopbackWhenOtherNameThenFalse() {
        assertFalse(new HostAndPort("localhost.evil.example", -1).loopback());
        assertTrue(new HostAndPort("127.0.0.1", 8080).loopback());
    }
}
