package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrialRequestTest {

    @Test
    void parseWhenUrlAndHeaderLinesThenTargetHeadersAndCookies() {
        GatewayRequest r = TrialRequest.parse(TenantId.DEFAULT, "get", "https://API.example.com:443/items/1?x=2",
                "Authorization: Bearer abc\n\nCookie: a=1; b=2\r\nX-Two: 1\nx-two: 2", "10.0.0.1", "http://localhost");
        assertEquals("GET", r.target().method());
        assertEquals("https://api.example.com/items/1", r.target().url());
        assertEquals("x=2", r.rawQuery());
        assertEquals("abc", r.bearerToken().orElseThrow());
        assertEquals(List.of("1", "2"), r.headers().get("X-Two"));
        assertEquals("2", r.cookies().get("b"));
    }

    @Test
    void parseWhenUrlRelativeOrPathUnsafeThenUrlField() {
        assertEquals("url", field(() -> TrialRequest.parse(TenantId.DEFAULT, "GET", "/items", "", "", "")));
        assertEquals("url", field(() -> TrialRequest.parse(TenantId.DEFAULT, "GET", "http://a.test/x/../admin", "", "", "")));
        assertEquals("url", field(() -> TrialRequest.parse(TenantId.DEFAULT, "GET", "ftp://a.test/", "", "", "")));
    }

    @Test
    void parseWhenMethodOrHeaderLineBadThenThatField() {
        assertEquals("method", field(() -> TrialRequest.parse(TenantId.DEFAULT, "G E T", "http://a.test/", "", "", "")));
        assertEquals("headers", field(() -> TrialRequest.parse(TenantId.DEFAULT, "GET", "http://a.test/", "no colon here", "", "")));
        assertEquals("headers", field(() -> TrialRequest.parse(TenantId.DEFAULT, "GET", "http://a.test/", "X: 1\n".repeat(101), "", "")));
    }

    private static String field(Runnable parse) {
        return assertThrows(ApiException.class, parse::run).fieldErrors().get(0).field();
    }
}
