package dev.gatehouse.gateway.rule;

import dev.gatehouse.gateway.rule.RejectedRequestException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Every spelling a server might read as another path than the one a rule would judge, and what the client is told. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a/../b | DOT_SEGMENT", "/a/./b | DOT_SEGMENT", "/a/.. | DOT_SEGMENT", "/a/. | DOT_SEGMENT", "/.. | DOT_SEGMENT",
            "/a/%2e%2e/b | ENCODED_DOT", "/a/%2E%2E/b | ENCODED_DOT", "/a/%2E%2e/b | ENCODED_DOT", "/a/.%2e/b | ENCODED_DOT",
            "/a/%2e./b | ENCODED_DOT", "/a/%2e/b | ENCODED_DOT", "/file%2etxt | ENCODED_DOT",
            "/a/%252e%252e/b | DOUBLE_ENCODING", "/a/%25252e/b | DOUBLE_ENCODING", "/a/%252f/b | DOUBLE_ENCODING",
            "/a//b | EMPTY_SEGMENT", "//a | EMPTY_SEGMENT", "/a/b// | EMPTY_SEGMENT",
            "/a/%2f/b | ENCODED_SLASH", "/admin%2F.. | ENCODED_SLASH", "/a/%5c../b | ENCODED_SLASH", "/a/%5C | ENCODED_SLASH",
            "/a\\b | BACKSLASH",
            "/a/..;/b | SEMICOLON", "/admin;.css | SEMICOLON", "/a/%3b | SEMICOLON",
            "/a/%zz | INVALID_ESCAPE", "/a/%2 | INVALID_ESCAPE", "/a/% | INVALID_ESCAPE", "/a/%%32%65 | INVALID_ESCAPE",
            "/a/%00 | CONTROL_CHARACTER", "/a/%0d%0aX-Evil:1 | CONTROL_CHARACTER", "/a/b%09 | CONTROL_CHARACTER",
            "/a/%7f | CONTROL_CHARACTER", "/a/%c2%85 | CONTROL_CHARACTER",
            "/a/%c0%ae%c0%ae | INVALID_UTF8", "/a/é | NON_ASCII", "relative | NOT_ABSOLUTE"})
    void ofWhenPathCouldBeReadAsAnotherPathThenRefusedWithItsReason(String path, Reason reason) {
        RejectedRequestException e = assertThrows(RejectedRequestException.class,
                () -> RequestTarget.of("GET", "http", "api.test", path));

        assertEquals(reason, e.reason());
    }

    @Test
    void ofWhenUriOverlongThenRejected() {
        String path = "/" + "a".repeat(RequestTarget.MAX_URI_LENGTH);

        RejectedRequestException e = assertThrows(RejectedRequestException.class, () -> RequestTarget.of("GET", "http", "api.test", path));
        assertEquals(Reason.URI_TOO_LONG, e.reason());
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
    void ofWhenMethodSchemeAndHostInOtherCaseThenNormalisedAndQueryDropped() {
        RequestTarget t = RequestTarget.of("get", "HTTPS", "Api.Test:443", "/a/b/d/?q=1");

        assertEquals("GET", t.method());
        assertEquals("https://api.test/a/b/d/", t.url());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/ | /", "/a/b/ | /a/b/", "/.well-known/x | /.well-known/x", "/a/.../b | /a/.../b",
            "/a/..b/c. | /a/..b/c.", "/v1.2/x.json | /v1.2/x.json"})
    void ofWhenDotsAreOnlyPartOfNamesThenPathKeptAsIs(String raw, String path) {
        assertEquals(path, RequestTarget.of("GET", "http", "api.test", raw).path());
    }

    @Test
    void encodedPathWhenDecodedHasSpacesAndUnicodeThenReEncodedForUpstream() {
        RequestTarget t = RequestTarget.of("GET", "http", "api.test:8080", "/files/a%20b/%C3%A9t%C3%A9");

        assertEquals("/files/a b/été", t.path());
        assertEquals("/files/a%20b/%C3%A9t%C3%A9", t.encodedPath());
        assertEquals("http://api.test:8080/files/a b/été", t.url());
    }

    @Test
    void ofWhenHarmlessCharactersArePercentEncodedThenJudgedAndSentAsWhatTheyStandFor() {
        RequestTarget t = RequestTarget.of("GET", "http", "api.test", "/%41dmin/100%25");

        assertEquals("/Admin/100%", t.path());
        assertEquals("/Admin/100%25", t.encodedPath());
    }
}
