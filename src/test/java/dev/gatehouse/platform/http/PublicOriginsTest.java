package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.net.HostAndPort;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicOriginsTest {

    private static final PublicOrigins CONFIGURED = PublicOrigins.configured(URI.create("https://login.example.com:8443/auth/"));

    private static HostAndPort host(String value) {
        return HostAndPort.parse(value).orElseThrow();
    }

    @Test
    void baseForWhenConfiguredHostThenConfiguredUrlWhateverPortOrSchemeWasAsked() {
        assertEquals(Optional.of("https://login.example.com:8443/auth"), CONFIGURED.baseFor(host("LOGIN.example.com:80"), "http", false));
    }

    @Test
    void baseForWhenForgedHostThenNotServed() {
        assertTrue(CONFIGURED.baseFor(host("evil.example"), "https", false).isEmpty());
        assertTrue(CONFIGURED.baseFor(host("localhost"), "http", false).isEmpty(), "loopback is not special once configured");
    }

    @Test
    void baseForWhenTenantHostThenConfiguredSchemePortAndPath() {
        assertEquals(Optional.of("https://login.acme.test:8443/auth"), CONFIGURED.baseFor(host("login.acme.test:1234"), "http", true));
    }

    @Test
    void baseForWhenDemoThenOnlyLoopbackAndTenantHostsWithTheirOwnPort() {
        PublicOrigins demo = PublicOrigins.loopback(9080);

        assertEquals(Optional.of("http://127.0.0.1:9090"), demo.baseFor(host("127.0.0.1:9090"), "http", false));
        assertEquals(Optional.of("http://[::1]:9080"), demo.baseFor(host("[::1]:9080"), "http", false));
        assertEquals(Optional.of("http://acme.localhost:9080"), demo.baseFor(host("acme.localhost:9080"), "http", true));
        assertTrue(demo.baseFor(host("evil.example:9080"), "http", false).isEmpty());
        assertEquals("http://localhost:9080", demo.fallback());
    }

    @Test
    void parseWhenNotAnAbsoluteHttpUrlThenInvalidConfigurationNamingTheKey() {
        for (String bad : new String[] {"login.example.com", "ftp://login.example.com", "https://user@login.example.com",
                "https://login.example.com/?a=b", "https://login.example.com/#x", "https://", "https://bad host/"}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> PublicConfig.parse("gatehouse.public.base-url", bad), bad);
            assertTrue(e.getMessage().contains("GATEHOUSE_PUBLIC_BASE_URL"), e.getMessage());
        }
    }
}
