package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gatehouse.it.selfservice.CodeFlows.courierAvailable;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.nodeNames;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static dev.gatehouse.it.selfservice.CodeFlows.sentCode;
import static dev.gatehouse.it.selfservice.CodeFlows.sentLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Password-free sign-in and sign-up with the code method, and the sign-in link, over the wire. */
@ExtendWith(ItServerReady.class)
class CodeLoginIT {

    private static final Pattern CSRF = Pattern.compile("gatehouse_csrf=([^;]+)");

    private record Browser(JsonObject flow, String csrf) {
    }

    private static Http.Response sendLoginCode(JsonObject flow, String identifier) {
        return ApiFlows.submit(flow, "{\"method\":\"code\",\"identifier\":\"" + identifier + "\"}");
    }

    private static Http.Response loginCode(JsonObject flow, String identifier, String code) {
        return ApiFlows.submit(flow, "{\"method\":\"code\",\"identifier\":\"" + identifier + "\",\"code\":\"" + code + "\"}");
    }

    private static String traits(String email, String first) {
        return "{\"email\":\"" + email + "\",\"name\":{\"first\":\"" + first + "\",\"last\":\"Code\"}}";
    }

    private static Http.Response signUp(JsonObject flow, String traits, String code) {
        return ApiFlows.submit(flow, "{\"method\":\"code\",\"traits\":" + traits + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}");
    }

    /** A browser login flow as a script sees it (JSON), with its CSRF cookie, and a code sent to the address. */
    private static Browser browserLoginCodeSent(String address) {
        Http.Response started = Http.get("/self-service/login/browser").header("Accept", "application/json").send();
        assertEquals(200, started.status(), started.toString());
        Matcher m = CSRF.matcher(String.join(";", started.raw().headers().allValues("Set-Cookie")));
        assertTrue(m.find(), started.toString());
        Browser b = new Browser(started.jsonObject(), m.group(1));
        Http.Response sent = Http.post("/self-service/login?flow=" + b.flow().getString("id")).header("Cookie", "gatehouse_csrf=" + b.csrf())
                .json("{\"method\":\"code\",\"identifier\":\"" + address + "\",\"csrf_token\":\"" + b.csrf() + "\"}").send();
        assertEquals(200, sent.status(), sent.toString());
        return b;
    }

    private static Http.Response follow(String link, String csrfCookie) {
        Http http = Http.get(link).header("Accept", "text/html");
        return csrfCookie == null ? http.send() : http.header("Cookie", "gatehouse_csrf=" + csrfCookie).send();
    }

    private static boolean setsSession(Http.Response r) {
        return r.raw().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("gatehouse_session="));
    }

    @Test
    void loginFlowWhenStartedThenOffersTheCodeMethod() {
        JsonObject flow = ApiFlows.start("", "login");

        assertTrue(flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .anyMatch(n -> n.getString("group").equals("code") && n.getJsonObject("attributes").getString("value", "").equals("code")));
    }

    @Test
    void loginCodeWhenIdentifierUnknownThenAnsweredExactlyAsForAKnownOne() {
        String known = email("codelogin");
        registered("", known);

        Http.Response forKnown = sendLoginCode(ApiFlows.start("", "login"), known);
        Http.Response forUnknown = sendLoginCode(ApiFlows.start("", "login"), email("nobody"));

        for (Http.Response r : new Http.Response[] {forKnown, forUnknown}) {
            assertEquals(200, r.status(), r.toString());
            assertEquals("sent_email", r.jsonObject().getString("state"));
            assertEquals(List.of(1010014L), messageIds(r.jsonObject()));
            assertEquals(List.of("identifier", "code", "method", "resend"), nodeNames(r.jsonObject()));
        }
        assertEquals(forKnown.jsonObject().getJsonObject("ui").getJsonArray("messages"),
                forUnknown.jsonObject().getJsonObject("ui").getJsonArray("messages"));
    }

    @Test
    void loginCodeWhenMailedCodeSubmittedThenSession() throws SQLException {
        assumeTrue(courierAvailable(), "the courier is not deployed: no mailed code to read");
        String address = email("codelogin");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "login");
        assertEquals(200, sendLoginCode(flow, address).status());

        Http.Response r = loginCode(flow, address, sentCode(address).orElseThrow());

        assertEquals(200, r.status(), r.toString());
        assertEquals("code", r.jsonObject().getJsonObject("session").getJsonArray("authentication_methods")
                .getJsonObject(0).getString("method"));
        assertEquals(200, ApiFlows.whoami("", r.jsonObject().getString("session_token")).status());
    }

    @Test
    void loginCodeWhenWrongFiveTimesThenFlowSpent() {
        String address = email("codelogin");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "login");
        assertEquals(200, sendLoginCode(flow, address).status());

        for (int i = 0; i < 5; i++) {
            Http.Response r = loginCode(flow, address, "000000");
            assertEquals(400, r.status(), r.toString());
            assertEquals(List.of(4010008L), messageIds(r.jsonObject()));
        }
        Http.Response after = loginCode(flow, address, "000000");

        assertEquals(410, after.status(), after.toString());
        assertFalse(after.body().contains("session_token"));
    }

    @Test
    void registrationByCodeWhenCodeRightThenPasswordlessIdentityThatSignsInByCode() throws SQLException {
        assumeTrue(courierAvailable(), "the courier is not deployed: no mailed code to read");
        String address = email("codesignup");
        JsonObject flow = ApiFlows.start("", "registration");
        Http.Response sent = signUp(flow, traits(address, "Ada"), null);
        assertEquals(200, sent.status(), sent.toString());
        assertEquals("sent_email", sent.jsonObject().getString("state"));

        Http.Response r = signUp(flow, traits(address, "Ada"), sentCode(address).orElseThrow());

        assertEquals(200, r.status(), r.toString());
        String id = r.jsonObject().getJsonObject("identity").getString("id");
        JsonObject admin = Http.get("/admin/identities/" + id + "?include_credential=password").admin().send().jsonObject();
        assertFalse(admin.containsKey("credentials") && admin.getJsonObject("credentials").containsKey("password"), admin.toString());
        assertTrue(admin.getJsonArray("verifiable_addresses").getJsonObject(0).getBoolean("verified"), admin.toString());
        JsonObject login = ApiFlows.start("", "login");
        assertEquals(200, sendLoginCode(login, address).status());
        assertEquals(200, loginCode(login, address, sentCode(address).orElseThrow()).status());
    }

    @Test
    void registrationByCodeWhenTraitsChangedBetweenStepsThen4000036AndNothingCreated() {
        String address = email("codesignup");
        JsonObject flow = ApiFlows.start("", "registration");
        assertEquals(200, signUp(flow, traits(address, "Ada"), null).status());

        Http.Response r = signUp(flow, traits(address, "Eve"), "123456");

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000036L), messageIds(r.jsonObject()));
        assertEquals(400, ApiFlows.login("", address, "anything at all 1").status());
    }

    @Test
    void registrationByCodeWhenEmailTakenThen4000007AtTheFirstStep() {
        String address = email("codesignup");
        registered("", address);

        Http.Response r = signUp(ApiFlows.start("", "registration"), traits(address, "Ada"), null);

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000007L), messageIds(r.jsonObject()));
    }

    @Test
    void signInLinkWhenOpenedInTheSameBrowserThenSessionOnceAndNeverElsewhere() throws SQLException {
        assumeTrue(courierAvailable(), "the courier is not deployed: no mailed link to read");
        String address = email("codelink");
        registered("", address);
        Browser browser = browserLoginCodeSent(address);
        Browser other = browserLoginCodeSent(email("nobody"));
        String link = sentLink(address).orElseThrow();

        Http.Response noCookie = follow(link, null);
        Http.Response otherBrowser = follow(link, other.csrf());
        Http.Response same = follow(link, browser.csrf());
        Http.Response again = follow(link, browser.csrf());

        for (Http.Response r : new Http.Response[] {noCookie, otherBrowser}) {
            assertEquals(403, r.status(), r.toString());
            assertTrue(r.body().contains("data-id=\"4010901\""), r.body());
            assertFalse(setsSession(r));
        }
        assertEquals(303, same.status(), same.toString());
        assertTrue(setsSession(same), same.toString());
        assertFalse(setsSession(again), again.toString());
        assertEquals(303, again.status(), "back to the flow page with a message");
        assertTrue(again.header("Location").contains("/ui/selfservice/login.xhtml?flow="), again.toString());
    }

    @Test
    void signInLinkWhenFlowIsApiThen403() {
        JsonObject flow = ApiFlows.start("", "login");

        Http.Response r = Http.get("/self-service/login/code-link?flow=" + flow.getString("id") + "&token=whatever").send();

        assertEquals(403, r.status(), r.toString());
        assertEquals("self_service_flow_type_mismatch", r.jsonObject().getJsonObject("error").getString("id"));
    }
}
