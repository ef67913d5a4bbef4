package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser policy of Gatehouse's answers: one strict Content-Security-Policy on every page (Faces pages, the
 * container's error page, the small pages the self-service and OAuth 2.0 endpoints write) and on JSON alike; and
 * Strict-Transport-Security only when the answer reaches the browser over HTTPS, which a trusted proxy may say and
 * nobody else can.
 */
@ExtendWith(ItServerReady.class)
class SecurityHeadersIT {

    static final Map<String, String> POLICY = Map.of(
            "default-src", "'none'",
            "script-src", "'self'",
            "style-src", "'self'",
            "img-src", "'self' data:",
            "connect-src", "'self'",
            "frame-ancestors", "'none'",
            "base-uri", "'none'");

    /** A Content-Security-Policy value as a browser reads it: directive name to its source list. */
    static Map<String, String> directives(String policy) {
        Map<String, String> d = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.trim().split("\\s+", 2);
            if (!parts[0].isEmpty()) {
                assertNull(d.put(parts[0].toLowerCase(), parts.length > 1 ? parts[1] : ""), "directive twice: " + policy);
            }
        }
        return d;
    }

    private static void assertPolicy(Http.Response r) {
        List<String> policies = r.raw().headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), r.toString());
        assertEquals(POLICY, directives(policies.get(0)), r.toString());
    }

    private static Http.Response page(String path) {
        return Http.get(path).header("Accept", "text/html").send();
    }

    @Test
    void pagesWhenServedThenEachCarriesTheStrictPolicy() {
        Http.Response home = page("/");
        Http.Response started = page("/self-service/login/browser");
        String cookie = started.raw().headers().allValues("Set-Cookie").get(0).split(";")[0];
        Http.Response login = Http.get(started.header("Location").substring(ItServer.get().baseUrl().length()))
                .header("Accept", "text/html").header("Cookie", cookie).send();
        Matcher stylesheet = Pattern.compile("href=\"(/[^\"]*gatehouse\\.css[^\"]*)\"").matcher(home.body());
        assertTrue(stylesheet.find(), home.body());
        Http.Response css = Http.get(stylesheet.group(1).replace("&amp;", "&")).send();

        assertEquals(200, home.status(), home.toString());
        assertEquals(200, login.status(), login.toString());
        assertTrue(login.body().contains("name=\"csrf_token\""), "the login page itself");
        assertEquals(200, css.status(), css.toString());
        for (Http.Response r : List.of(home, started, login, css)) {
            assertPolicy(r);
        }
    }

    @Test
    void errorPagesWhenWrittenByEndpointsOrTheContainerThenCarryThePolicyToo() {
        String flow = page("/self-service/login/browser").header("Location").replaceAll(".*flow=", "");
        Http.Response csrfRefused = Http.post("/self-service/login?flow=" + flow).header("Accept", "text/html")
                .body("application/x-www-form-urlencoded", "identifier=a&password=b".getBytes(StandardCharsets.UTF_8)).send();
        Http.Response authorizeRefused = page("/oauth2/auth?response_type=code&client_id=no-such-client");
        Http.Response noFacelet = page("/ui/no-such-page.xhtml");
        Http.Response json = Http.get("/.well-known/openid-configuration").send();

        assertEquals(403, csrfRefused.status(), csrfRefused.toString());
        assertTrue(csrfRefused.contentType().startsWith("text/html"), csrfRefused.toString());
        assertTrue(authorizeRefused.contentType().startsWith("text/html"), authorizeRefused.toString());
        assertEquals(400, authorizeRefused.status(), authorizeRefused.toString());
        assertEquals(404, noFacelet.status(), noFacelet.toString());
        assertEquals(200, json.status(), json.toString());
        for (Http.Response r : List.of(csrfRefused, authorizeRefused, noFacelet, json)) {
            assertPolicy(r);
        }
    }

    @Test
    void hstsWhenAnswerGoesOutOverPlainHttpThenNone() {
        assertNull(page("/").header("Strict-Transport-Security"));
    }

    @Test
    void hstsWhenTrustedProxySaysHttpsThenSentForAYear() {
        RawHttp.Response viaProxy = RawHttp.client().from(ItServer.get().trustedProxy()).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.40").send("GET", "/.well-known/openid-configuration");

        assertEquals(200, viaProxy.status(), viaProxy.toString());
        assertEquals("max-age=31536000", viaProxy.header("Strict-Transport-Security"));
    }

    @Test
    void hstsWhenUntrustedClientSaysHttpsThenNone() {
        RawHttp.Response forged = RawHttp.client().header("X-Forwarded-Proto", "https").send("GET", "/.well-known/openid-configuration");

        assertEquals(200, forged.status(), forged.toString());
        assertNull(forged.header("Strict-Transport-Security"));
    }
}
