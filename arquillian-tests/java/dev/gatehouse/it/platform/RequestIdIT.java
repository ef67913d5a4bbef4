package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ItServerReady.class)
class RequestIdIT {

    @Test
    void requestWhenWellFormedRequestIdThenEchoed() {
        Http.Response r = Http.get("/version").header("X-Request-ID", "trace-123.abc").send();

        assertEquals("trace-123.abc", r.header("X-Request-ID"));
    }

    @Test
    void requestWhenNoRequestIdThenGenerated() {
        String a = Http.get("/version").send().header("X-Request-ID");
        String b = Http.get("/version").send().header("X-Request-ID");

        assertNotNull(a);
        assertTrue(a.matches("[0-9a-f-]{36}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void requestWhenRequestIdMalformedThenReplaced() {
        Http.Response r = Http.get("/version").header("X-Request-ID", "<script>alert(1)</script>").send();

        assertTrue(r.header("X-Request-ID").matches("[0-9a-f-]{36}"), r.header("X-Request-ID"));
    }

    @Test
    void requestWhenRequestIdTooLongThenReplaced() {
        Http.Response r = Http.get("/version").header("X-Request-ID", "a".repeat(300)).send();

        assertTrue(r.header("X-Request-ID").matches("[0-9a-f-]{36}"));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Http.Response r = Http.get("/").send();

        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
    }
}
