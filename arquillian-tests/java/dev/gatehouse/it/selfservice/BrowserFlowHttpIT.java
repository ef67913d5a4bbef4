package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Browser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browser flows at the HTTP level: redirects, cookies and CSRF, as a form-posting browser sees them. */
@ExtendWith(ItServerReady.class)
class BrowserFlowHttpIT {

    private static final Pattern COOKIE = Pattern.compile("gatehouse_csrf=([^;]+)");

    private record Started(String flowId, String csrfCookie) {
    }

    private static Started start(String kind) {
        Http.Response r = Http.get("/self-service/" + kind + "/browser").header("Accept", "text/html").send();
        assertEquals(303, r.status(), r.toString());
        String location = r.header("Location");
        assertTrue(location.contains("/ui/selfservice/" + kind + ".xhtml?flow="), location);
        String setCookie = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_csrf=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        Matcher m = COOKIE.matcher(setCookie);
        assertTrue(m.find());
        return new Started(location.substring(location.indexOf("flow=") + 5), m.group(1));
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static Http.Response post(String kind, Started s, String cookie, String body) {
        Http http = Http.post("/self-service/" + kind + "?flow=" + s.flowId()).header("Accept", "text/html")
                .body("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        return cookie == null ? http.send() : http.header("Cookie", "gatehouse_csrf=" + cookie).send();
    }

    @Test
    void registrationFormWhenCsrfRightThenSessionCookieAndRedirectToWelcome() {
        Started s = start("registration");
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        Http.Response r = post("registration", s, s.csrfCookie(), form("csrf_token", s.csrfCookie(), "method", "password",
                "traits.email", email, "traits.name.first", "Form", "password", "a browser passphrase 5"));

        assertEquals(303, r.status(), r.toString());
        assertTrue(r.header("Location").endsWith("/ui/selfservice/welcome.xhtml"), r.header("Location"));
        String session = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_session=")).findFirst().orElseThrow();
        assertTrue(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"), session);
        String token = session.substring("gatehouse_session=".length(), session.indexOf(';'));
        Http.Response me = Http.get("/sessions/whoami").header("Cookie", "gatehouse_session=" + token).send();
        assertEquals(email, me.jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));
    }

    @Test
    void loginFormWhenPasswordOfAnIdentityWithAnAppThenSessionCookieAndOnToTheAal2LoginBackToReturnTo() {
        String email = "browser-app-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "a browser passphrase 9";
        AppEnrolment.signUpWithApp(email, password);
        Http.Response started = Http.get("/self-service/login/browser?return_to=/ui/selfservice/settings.xhtml")
                .header("Accept", "text/html").send();
        String location = started.header("Location");
        Matcher csrf = COOKIE.matcher(String.join(";", started.raw().headers().allValues("Set-Cookie")));
        assertTrue(csrf.find());
        Started s = new Started(location.substring(location.indexOf("flow=") + 5), csrf.group(1));

        Http.Response r = post("login", s, s.csrfCookie(), form("csrf_token", s.csrfCookie(), "method", "password",
                "identifier", email, "password", password));

        assertEquals(303, r.status(), r.toString());
        String next = r.header("Location");
        assertTrue(next.contains("/ui/selfservice/login.xhtml?flow="), "sent on to a login flow, not to return_to: " + next);
        String nextId = next.substring(next.indexOf("flow=") + 5);
        assertNotEquals(s.flowId(), nextId);
        String session = cookie(r, "gatehouse_session");
        String newCsrf = cookie(r, "gatehouse_csrf");
        assertEquals(403, Http.get("/sessions/whoami").header("Cookie", "gatehouse_session=" + session).send().status(),
                "the cookie is set, and whoami refuses its session until the second factor is given");
        JsonObject flow = Http.get("/self-service/login/flows?id=" + nextId).header("Cookie", "gatehouse_csrf=" + newCsrf)
                .send().jsonObject();
        assertEquals("aal2", flow.getString("requested_aal"));
        assertTrue(flow.getString("return_to", "").endsWith("/ui/selfservice/settings.xhtml"), flow.toString());
        assertTrue(flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .anyMatch(n -> n.getString("group").equals("totp")), "the app is asked for");
    }

    @Test
    void loginByScriptWhenPasswordOfAnIdentityWithAnAppThen422BrowserLocationChangeToTheAal2LoginAndSessionCookie() {
        String email = "browser-app-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "a browser passphrase 9";
        AppEnrolment.signUpWithApp(email, password);
        Started s = start("login");

        Http.Response r = Http.post("/self-service/login?flow=" + s.flowId()).header("Accept", "application/json")
                .header("Cookie", "gatehouse_csrf=" + s.csrfCookie())
                .json("{\"csrf_token\":\"" + s.csrfCookie() + "\",\"method\":\"password\",\"identifier\":\"" + email
                        + "\",\"password\":\"" + password + "\"}").send();

        assertEquals(422, r.status(), r.toString());
        JsonObject body = r.jsonObject();
        assertEquals("browser_location_change_required", body.getJsonObject("error").getString("id"));
        assertTrue(body.getString("redirect_browser_to").contains("/ui/selfservice/login.xhtml?flow="), body.toString());
        assertNotNull(cookie(r, "gatehouse_session"));
        assertFalse(r.body().contains("session_token"));
    }

    private static String cookie(Http.Response r, String name) {
        String set = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return set.substring(name.length() + 1, set.indexOf(';'));
    }

    @Test
    void loginFormWhenCsrfMissingWrongOrFromAnotherBrowserThen403AndNoSession() {
        Started s = start("login");
        Started other = start("login");

        Http.Response missing = post("login", s, s.csrfCookie(), form("identifier", "x@example.test", "password", "y", "method", "password"));
        Http.Response wrong = post("login", s, s.csrfCookie(), form("csrf_token", "forged", "identifier", "x@example.test", "password", "y"));
        Http.Response noCookie = post("login", s, null, form("csrf_token", s.csrfCookie(), "identifier", "x@example.test", "password", "y"));
        Http.Response otherBrowser = post("login", s, other.csrfCookie(), form("csrf_token", other.csrfCookie(), "identifier", "x@example.test", "password", "y"));

        for (Http.Response r : new Http.Response[] {missing, wrong, noCookie, otherBrowser}) {
            assertEquals(403, r.status(), r.toString());
            assertTrue(r.raw().headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("gatehouse_session=")));
        }
    }

    @Test
    void loginFormWhenWrongPasswordThenBackToTheFlowPageWithTheMessage() {
        Started s = start("login");

        Http.Response r = post("login", s, s.csrfCookie(), form("csrf_token", s.csrfCookie(), "identifier", "nobody@example.test",
                "password", "wrong", "method", "password"));

        assertEquals(303, r.status(), r.toString());
        assertTrue(r.header("Location").contains("flow=" + s.flowId()));
        Http.Response flow = Http.get("/self-service/login/flows?id=" + s.flowId()).header("Cookie", "gatehouse_csrf=" + s.csrfCookie()).send();
        assertEquals(4000006, flow.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
        assertEquals(403, Http.get("/self-service/login/flows?id=" + s.flowId()).send().status(), "a browser flow is only shown to its browser");
    }

    @Test
    void flowPageWhenRenderedThenTraitsEscapedAndNodesFromTheFlow() {
        Started s = start("registration");

        Http.Response page = Http.get("/ui/selfservice/registration.xhtml?flow=" + s.flowId())
                .header("Cookie", "gatehouse_csrf=" + s.csrfCookie()).header("Accept-Language", "zh").send();

        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("name=\"traits.email\""), page.body());
        assertTrue(page.body().contains("name=\"csrf_token\""));
        assertTrue(page.body().contains("密码"), "password label in Chinese");
        assertNotNull(page.header("X-Frame-Options"));
    }

    @Test
    void flowPageWhenFlowUnknownThenStartsANewOne() {
        Http.Response page = Http.get("/ui/selfservice/login.xhtml?flow=" + UUID.randomUUID()).send();

        assertEquals(302, page.status(), page.toString());
        assertTrue(page.header("Location").endsWith("/self-service/login/browser"));
    }

    @Test
    void browserWhenReturnToForeignThenRefused() {
        Http.Response r = Http.get("/self-service/login/browser?return_to=https://evil.example/steal").send();

        assertEquals(422, r.status(), r.toString());
        assertEquals(422, Http.get("/self-service/login/browser?return_to=//evil.example").send().status());
        assertEquals(303, Http.get("/self-service/login/browser?return_to=/ui/selfservice/welcome.xhtml").header("Accept", "text/html").send().status());
    }

    private static String flowOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError(redirect.statusCode() + " " + redirect.body()));
        return location.substring(location.indexOf("flow=") + 5);
    }

    private static String csrfTokenOf(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("attributes")).filter(a -> "csrf_token".equals(a.getString("name", null)))
                .map(a -> a.getString("value")).findFirst().orElseThrow();
    }

    @Test
    void signInWhenDoneInABrowserThenNewCsrfCookieAndATokenLearntBeforeIsRefusedOnSettings() {
        String email = "rotate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "a rotating passphrase 7";
        assertEquals(200, ApiFlows.register("", email, password).status());
        Browser browser = new Browser();
        String login = flowOf(browser.open("/self-service/login/browser"));
        String before = browser.cookie("gatehouse_csrf").orElseThrow();

        HttpResponse<String> signedIn = browser.postForm("/self-service/login?flow=" + login, "csrf_token", before,
                "method", "password", "identifier", email, "password", password);

        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String after = browser.cookie("gatehouse_csrf").orElseThrow();
        assertNotEquals(before, after, "the browser got a new CSRF secret with its session");
        String settings = flowOf(browser.open("/self-service/settings/browser"));
        assertEquals(after, csrfTokenOf(browser.json("/self-service/settings/flows?id=" + settings)));

        HttpResponse<String> forged = browser.postForm("/self-service/settings?flow=" + settings, "csrf_token", before,
                "method", "profile", "traits.email", email, "traits.name.first", "Mallory");
        HttpResponse<String> genuine = browser.postForm("/self-service/settings?flow=" + settings, "csrf_token", after,
                "method", "profile", "traits.email", email, "traits.name.first", "Ada");

        assertEquals(403, forged.statusCode(), "the token from before the sign-in: " + forged.body());
        assertEquals(303, genuine.statusCode(), genuine.body());
        assertEquals("success", browser.json("/self-service/settings/flows?id=" + settings).getString("state"));
        assertEquals("Ada", browser.json("/sessions/whoami").getJsonObject("identity").getJsonObject("traits")
                .getJsonObject("name").getString("first"));
    }

    @Test
    void signUpWhenDoneInABrowserThenItsVerificationFlowMovesToTheNewCsrfSecret() throws SQLException {
        String email = "rotate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Browser browser = new Browser();
        String registration = flowOf(browser.open("/self-service/registration/browser"));
        String before = browser.cookie("gatehouse_csrf").orElseThrow();

        HttpResponse<String> signedUp = browser.postForm("/self-service/registration?flow=" + registration, "csrf_token", before,
                "method", "password", "traits.email", email, "traits.name.first", "Vera", "password", "a verifying passphrase 3");

        assertEquals(303, signedUp.statusCode(), signedUp.body());
        String after = browser.cookie("gatehouse_csrf").orElseThrow();
        assertNotEquals(before, after);
        String verification;
        try (var c = CodeFlows.db(); var p = c.prepareStatement(
                "SELECT flow_id FROM one_time_code WHERE address = ? AND purpose = 'VERIFICATION'")) {
            p.setString(1, email);
            try (var rs = p.executeQuery()) {
                assertTrue(rs.next(), "a verification code was sent at sign-up");
                verification = rs.getString(1);
            }
        }
        JsonObject flow = browser.json("/self-service/verification/flows?id=" + verification);
        assertEquals("sent_email", flow.getString("state"), "still this browser's flow, waiting for the code");
        assertEquals(after, csrfTokenOf(flow));
    }
}
