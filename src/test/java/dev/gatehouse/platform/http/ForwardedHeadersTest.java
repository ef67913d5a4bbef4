package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.net.IpRange;
import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForwardedHeadersTest {

    private static final Predicate<String> PROXIES = ip -> IpRange.parse("10.0.0.0/8").contains(ip);

    @Test
    void ofWhenUntrustedPeerThenForwardedHeadersIgnored() {
        ForwardedHeaders f = ForwardedHeaders.of("203.0.113.9", "login.example.com", false,
                "198.51.100.1", "evil.example", "https", PROXIES);

        assertEquals("203.0.113.9", f.clientIp());
        assertEquals("login.example.com", f.host());
        assertEquals("http", f.scheme());
    }

    @Test
    void ofWhenTrustedProxyThenItsHostSchemeAndClientBelieved() {
        ForwardedHeaders f = ForwardedHeaders.of("10.0.0.2", "gatehouse:9080", false,
                "198.51.100.1", "login.example.com", "https", PROXIES);

        assertEquals("198.51.100.1", f.clientIp());
        assertEquals("login.example.com", f.host());
        assertEquals("https", f.scheme());
    }

    @Test
    void ofWhenClientPrependsForgedHopsThenRightmostUntrustedIsTheClient() {
        ForwardedHeaders f = ForwardedHeaders.of("10.0.0.2", "h", false,
                "1.1.1.1, 2.2.2.2, 198.51.100.1, 10.0.0.7", null, null, PROXIES);

        assertEquals("198.51.100.1", f.clientIp());
    }

    @Test
    void ofWhenHopIsNotAnAddressThenWalkStopsAtTheLastAddress() {
        ForwardedHeaders f = ForwardedHeaders.of("10.0.0.2", "h", false, "<script>, 10.0.0.7", null, null, PROXIES);

        assertEquals("10.0.0.7", f.clientIp());
    }

    @Test
    void ofWhenSeveralForwardedHostsThenTheNearestProxysValue() {
        ForwardedHeaders f = ForwardedHeaders.of("10.0.0.2", "h", true, null, "evil.example, login.example.com",
                "junk", PROXIES);

        assertEquals("login.example.com", f.host());
        assertEquals("https", f.scheme(), "an unknown proto keeps the connection's scheme");
    }
}
