package dev.gatehouse.gateway.rule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/admin/..%2f", "/admin%2F..", "/a/%5c../admin", "/a/%252e%252e/admin", "/a/%252f",
            "/..", "/a/../..", "/a/%2e%2e/%2e%2e/etc", "/a\\b", "/a/%00", "/a/%0d%0aX-Evil:1", "/a/%c0%ae%c0%ae",
            "/a/%zz", "/a/%", "relative"})
    void ofWhenPathIsHostileThenRejected(String path) {
        assertThrows(RejectedRequestException.class, () -> RequestTarget.of("GET", "http", "api.test", path));
    }

    @Test
    void ofWhenUriOverlongThenRejected() {
        String path = "/" + "a".repeat(RequestTarget.MAX_URI_LENGTH);

        assertThrows(RejectedRequestException.class, () -> RequestTarget.of("GET", "http", "api.test", path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.test/evil", "api test", "a@b", "api.test:99999", "api.test:x", "", "..", "-"})
    void ofWhenHostIsNotAHostNameThenRejected(String host) {
        assertThrows(RejectedRequestException.class, () -> RequestTarget.of("GET", "http", host, "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G ET", "GET\r\n", "", "G3T"})
    void ofWhenMethodIsNotATokenThenRejected(String method) {
        assertThrows(RejectedRequestException.class, () -> RequestTarget.of(method, "http", "api.test", "/"));
    }

    @Test
    void ofWhenDotSegmentsAndDoubleSlashesThenResolvedOnce() {
        RequestTarget t = RequestTarget.of("get", "HTTPS", "Api.Test:443", "/a//b/./c/../d/?q=1");

        assertEquals("GET", t.method());
        assertEquals("https://api.test/a/b/d/", t.url());
    }

    @Test
    void encodedPathWhenDecodedHasSpacesAndUnicodeThenReEncodedForUpstream() {
        RequestTarget t = RequestTarget.of("GET", "http", "api.test:8080", "/files/a%20b/%C3%A9t%C3%A9");

        assertEquals("/files/a b/été", t.path());
        assertEquals("/files/a%20b/%C3%A9t%C3%A9", t.encodedPath());
        assertEquals("http://api.test:8080/files/a b/été", t.url());
    }
}
