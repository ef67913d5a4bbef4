package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.problem.ApiError;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSyntaxTest {

    private static ApiError refused(Optional<RequestSyntax.Refusal> r) {
        assertTrue(r.isPresent(), "not refused");
        return r.get().error();
    }

    @Test
    void queryWhenEscapeBrokenOrNulThenMalformed() {
        for (String q : new String[] {"flow=%zz", "%zz", "a=%", "a=%4", "a=%%", "x=%u0041", "id=%00", "a=b%0"}) {
            assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.query(q)), q);
        }
    }

    @Test
    void queryWhenEscapesWellFormedThenAccepted() {
        for (String q : new String[] {"a=%C3%A9&b=%2F", "redirect_uri=http%3A%2F%2Fx%2Fcb", "a=%ff", "a=b+c", "", "x"}) {
            assertFalse(RequestSyntax.query(q).isPresent(), q);
        }
        assertFalse(RequestSyntax.query(null).isPresent());
    }

    @Test
    void acceptWhenQNotAQvalueThenMalformed() {
        for (String a : new String[] {"application/json;q=x", "application/json;q=", "text/html;q=0.5;q=x",
                "text/html, application/json;q=abc", "*/*;q=-1", "*/*;q=1e400", "*/*;q=NaN", "*/*;q"}) {
            assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.accept(a)), a);
        }
    }

    @Test
    void acceptWhenBrowserLikeThenAccepted() {
        for (String a : new String[] {"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8",
                "application/json", "*/*", "application/json; q=1.0", "text/html;level=1;q=0.001", "a/b;c"}) {
            assertFalse(RequestSyntax.accept(a).isPresent(), a);
        }
    }

    @Test
    void contentTypeWhenQuoteUnclosedThenMalformedAndUnknownCharsetUnsupported() {
        assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.contentType("application/x-www-form-urlencoded; charset=\"")));
        assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.contentType("application/json; charset=\"utf-8")));
        assertEquals(ApiError.UNSUPPORTED_MEDIA_TYPE, refused(RequestSyntax.contentType("application/json; charset=EBCDIC-XYZ")));
        assertEquals(ApiError.UNSUPPORTED_MEDIA_TYPE, refused(RequestSyntax.contentType("application/json; charset=")));
        assertEquals(ApiError.UNSUPPORTED_MEDIA_TYPE, refused(RequestSyntax.contentType("application/json; charset=\"\"")));
        assertFalse(RequestSyntax.contentType("application/json; charset=\"UTF-8\"").isPresent());
        assertFalse(RequestSyntax.contentType("application/x-www-form-urlencoded;charset=utf-8").isPresent());
        assertFalse(RequestSyntax.contentType("multipart/form-data; boundary=----x").isPresent());
    }

    @Test
    void forwardedProtoWhenNotASchemeThenMalformed() {
        assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.forwardedProto("https, http")));
        assertEquals(ApiError.MALFORMED_REQUEST, refused(RequestSyntax.forwardedProto("")));
        assertFalse(RequestSyntax.forwardedProto("https").isPresent());
        assertFalse(RequestSyntax.forwardedProto(null).isPresent());
    }

    @Test
    void knownMethodWhenUnknownOrLowerCaseThenFalse() {
        assertTrue(RequestSyntax.knownMethod("PATCH"));
        assertFalse(RequestSyntax.knownMethod("BREW"));
        assertFalse(RequestSyntax.knownMethod("TRACE"));
        assertFalse(RequestSyntax.knownMethod("get"));
    }
}
