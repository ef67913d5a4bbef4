package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Browser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Mailbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.PASSWORD;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.nodeNames;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery by e-mailed link (Kratos' {@code link} method) and the admin's recovery links, opened the way a
 * user does: the link read from the mail (GreenMail), opened in a cookie-keeping browser client.
 */
@ExtendWith(ItServerReady.class)
class RecoveryLinkIT {

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private static Http.Response askForLink(JsonObject flow, String address) {
        return ApiFlows.submit(flow, "{\"method\":\"link\",\"email\":\"" + address + "\"}");
    }

    private String mailedLink(String address) {
        return mail.awaitLink(address, "/self-service/recovery");
    }

    /** Starts a browser recovery flow in {@code browser} and asks for a link there; returns the flow id. */
    private static String askInBrowser(Browser browser, String address) {
        HttpResponse<String> started = browser.open("/self-service/recovery/browser");
        assertEquals(303, started.statusCode());
        String location = started.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.indexOf("flow=") + 5);
        JsonObject flow = browser.json("/self-service/recovery/flows?id=" + id);
        HttpResponse<String> sent = browser.postForm(flow.getJsonObject("ui").getString("action"), "csrf_token",
                browser.cookie("gatehouse_csrf").orElseThrow(), "method", "link", "email", address);
        assertEquals(303, sent.statusCode(), sent.body());
        return id;
    }

    /** Follows a refused link to the recovery flow it leads to and returns that flow's message ids. */
    private static List<Long> refusal(Browser browser, HttpResponse<String> answer) {
        assertEquals(303, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/ui/selfservice/recovery.xhtml?flow="), location);
        return messageIds(browser.json("/self-service/recovery/flows?id=" + location.substring(location.indexOf("flow=") + 5)));
    }

    private static String settingsFlowOf(HttpResponse<String> signedIn) {
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/ui/selfservice/settings.xhtml?flow="), location);
        return location.substring(location.indexOf("flow=") + 5);
    }

    /** Sets a new password through the settings page's form, as the browser that was signed in. */
    private static void setPassword(Browser browser, String settingsFlow, String password) {
        JsonObject flow = browser.json("/self-service/settings/flows?id=" + settingsFlow);
        HttpResponse<String> saved = browser.postForm(flow.getJsonObject("ui").getString("action"), "csrf_token",
                browser.cookie("gatehouse_csrf").orElseThrow(), "method", "password", "password", password);
        assertEquals(303, saved.statusCode(), saved.body());
    }

    @Test
    void recoveryLinkWhenOpenedThenThatBrowserIsSignedInAndSetsANewPasswordInSettings() {
        String address = email("link");
        registered("", address);
        Browser asker = new Browser();
        String flowId = askInBrowser(asker, address);
        JsonObject waiting = asker.json("/self-service/recovery/flows?id=" + flowId);
        assertEquals("sent_email", waiting.getString("state"));
        assertEquals(List.of(1060002L), messageIds(waiting));

        String link = mailedLink(address);
        assertTrue(link.matches("http://[^/]+/self-service/recovery\\?flow=" + flowId + "&token=[A-Za-z0-9_-]{43}"), link);
        Browser phone = new Browser();
        HttpResponse<String> opened = phone.open(link);

        String settings = settingsFlowOf(opened);
        assertEquals(200, phone.follow(opened).statusCode(), "the settings page shows in the browser that opened the link");
        JsonObject me = phone.json("/sessions/whoami");
        assertEquals("link_recovery", me.getJsonArray("authentication_methods").getJsonObject(0).getString("method"));
        setPassword(phone, settings, "a recovered passphrase 31");
        assertEquals(200, ApiFlows.login("", address, "a recovered passphrase 31").status());
        assertEquals(400, ApiFlows.login("", address, PASSWORD).status());
    }

    @Test
    void recoveryLinkWhenOpenedTwiceThenSecondTime4060004AndNoSession() {
        String address = email("link");
        registered("", address);
        askForLink(ApiFlows.start("", "recovery"), address);
        String link = mailedLink(address);
        assertEquals(303, new Browser().open(link).statusCode());

        Browser second = new Browser();
        HttpResponse<String> again = second.open(link);

        assertEquals(List.of(4060004L), refusal(second, again));
        assertTrue(second.cookie("gatehouse_session").isEmpty());
    }

    @Test
    void recoveryLinkWhenExpiredThen4060004() throws SQLException {
        String address = email("link");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "recovery");
        askForLink(flow, address);
        String link = mailedLink(address);
        try (Connection c = CodeFlows.db(); PreparedStatement p = c.prepareStatement(
                "UPDATE one_time_code SET expires_at = expires_at - INTERVAL '1' HOUR WHERE flow_id = ?")) {
            p.setString(1, flow.getString("id"));
            assertEquals(1, p.executeUpdate());
        }
        Browser browser = new Browser();

        assertEquals(List.of(4060004L), refusal(browser, browser.open(link)));
        assertTrue(browser.cookie("gatehouse_session").isEmpty());
    }

    @Test
    void recoveryLinkWhenTokenUsedWithAnotherFlowThen4060004AndItStillWorksInItsOwn() {
        String address = email("link");
        registered("", address);
        askForLink(ApiFlows.start("", "recovery"), address);
        String link = mailedLink(address);
        String other = ApiFlows.start("", "recovery").getString("id");
        String foreign = link.replaceFirst("flow=[0-9a-f-]{36}", "flow=" + other);
        Browser browser = new Browser();

        assertEquals(List.of(4060004L), refusal(browser, browser.open(foreign)));
        assertEquals(List.of(4060004L), refusal(browser, browser.open(link.replaceFirst("token=[^&]+", "token=guessed"))));
        settingsFlowOf(new Browser().open(link));
    }

    @Test
    void recoveryLinkWhenAddressUnknownThenSameAnswerAndNothingMailed() {
        String known = email("link");
        registered("", known);
        String unknown = email("nobody");

        Http.Response forKnown = askForLink(ApiFlows.start("", "recovery"), known);
        Http.Response forUnknown = askForLink(ApiFlows.start("", "recovery"), unknown);

        for (Http.Response r : new Http.Response[] {forKnown, forUnknown}) {
            assertEquals(200, r.status(), r.toString());
            assertEquals("sent_email", r.jsonObject().getString("state"));
            assertEquals(List.of(1060002L), messageIds(r.jsonObject()));
        }
        assertEquals(nodeNames(forKnown.jsonObject()), nodeNames(forUnknown.jsonObject()));
        mail.awaitLink(known, "/self-service/recovery");
        assertTrue(mail.to(unknown).isEmpty());
    }

    @Test
    void recoveryByLinkWhenACodeIsTypedIntoTheFlowThenRefusedForNoCodeWasMade() {
        String address = email("link");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "recovery");
        askForLink(flow, address);
        String text = mail.awaitMailWithLink(address, "/self-service/recovery");
        assertFalse(text.replaceAll("https?://\\S+", "").matches("(?s).*(?<![0-9])[0-9]{6}(?![0-9]).*"), "a link mail has no code: " + text);

        Http.Response typed = CodeFlows.code("", "recovery", flow.getString("id"), "123456");

        assertEquals(400, typed.status(), typed.toString());
        assertEquals(List.of(4060006L), messageIds(typed.jsonObject()));
    }

    @Test
    void adminRecoveryLinkWhenOpenedInABrowserThenSignedInThereAndSettingsSetsAPassword() {
        String address = email("admin-link");
        String identity = registered("", address).getJsonObject("identity").getString("id");

        Http.Response created = Http.post("/admin/recovery/link").admin()
                .json("{\"identity_id\":\"" + identity + "\",\"expires_in\":\"1h\"}").send();

        assertEquals(201, created.status(), created.toString());
        assertEquals("no-store", created.header("Cache-Control"));
        JsonObject body = created.jsonObject();
        assertEquals(java.util.Set.of("recovery_link", "expires_at"), body.keySet());
        assertTrue(body.getString("recovery_link").matches("http://[^/]+/self-service/recovery\\?flow=[0-9a-f-]{36}&token=[A-Za-z0-9_-]{43}"),
                body.toString());
        Browser browser = new Browser();
        HttpResponse<String> opened = browser.open(body.getString("recovery_link"));
        String settings = settingsFlowOf(opened);
        assertEquals(200, browser.follow(opened).statusCode());
        setPassword(browser, settings, "admin recovered passphrase 9");
        assertEquals(200, ApiFlows.login("", address, "admin recovered passphrase 9").status());
        Browser later = new Browser();
        assertEquals(List.of(4060004L), refusal(later, later.open(body.getString("recovery_link"))), "an admin's link works once too");
    }

    @Test
    void adminRecoveryCodeLinkWhenOpenedInABrowserThenItsPageAndTheCodeTypedThereSignsIn() {
        String address = email("admin-code");
        String identity = registered("", address).getJsonObject("identity").getString("id");
        JsonObject admin = CodeFlows.adminCode("", identity, "1h");
        Browser browser = new Browser();

        HttpResponse<String> opened = browser.open(admin.getString("recovery_link"));

        assertEquals(303, opened.statusCode(), "a page, not 405: " + opened.body());
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/ui/selfservice/recovery.xhtml?flow="), location);
        HttpResponse<String> page = browser.follow(opened);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"code\""), page.body());
        JsonObject flow = browser.json("/self-service/recovery/flows?id=" + CodeFlows.flowIdOf(admin.getString("recovery_link")));
        HttpResponse<String> typed = browser.postForm(flow.getJsonObject("ui").getString("action"), "csrf_token",
                browser.cookie("gatehouse_csrf").orElseThrow(), "method", "code", "code", admin.getString("recovery_code"));
        settingsFlowOf(typed);
        assertEquals("code_recovery", browser.json("/sessions/whoami").getJsonArray("authentication_methods")
                .getJsonObject(0).getString("method"));
    }

    @Test
    void adminRecoveryCodeLinkWhenOpenedByASecondBrowserThenThatOneCannotUseTheFlow() {
        String identity = registered("", email("admin-code")).getJsonObject("identity").getString("id");
        JsonObject admin = CodeFlows.adminCode("", identity, "1h");
        Browser first = new Browser();
        first.open(admin.getString("recovery_link"));
        Browser second = new Browser();
        second.open(admin.getString("recovery_link"));

        HttpResponse<String> typed = second.postForm(admin.getString("recovery_link"), "csrf_token",
                second.cookie("gatehouse_csrf").orElseThrow(), "method", "code", "code", admin.getString("recovery_code"));

        assertEquals(403, typed.statusCode(), "the flow belongs to the browser that opened it first");
        assertTrue(second.cookie("gatehouse_session").isEmpty());
    }

    @Test
    void adminRecoveryCodeLinkWhenAnotherClientAsksForItsJsonThenRefusedWithoutTheOwnersCsrfSecret() {
        String identity = registered("", email("admin-json")).getJsonObject("identity").getString("id");
        JsonObject admin = CodeFlows.adminCode("", identity, "1h");
        Browser first = new Browser();
        first.open(admin.getString("recovery_link"));
        String ownersSecret = first.cookie("gatehouse_csrf").orElseThrow();
        java.net.URI link = java.net.URI.create(admin.getString("recovery_link"));

        Http.Response stranger = Http.get(link.getRawPath() + "?" + link.getRawQuery()).header("Accept", "application/json").send();

        assertEquals(403, stranger.status(), stranger.toString());
        assertFalse(stranger.body().contains(ownersSecret), "the flow's CSRF secret is not shown to another client");
    }

    @Test
    void adminRecoveryLinkWhenInputBadOrNoAdminThenRefused() {
        String identity = registered("", email("admin-link")).getJsonObject("identity").getString("id");

        assertEquals(401, Http.post("/admin/recovery/link").json("{\"identity_id\":\"" + identity + "\"}").send().status());
        assertEquals(422, Http.post("/admin/recovery/link").admin().json("{}").send().status());
        assertEquals(422, Http.post("/admin/recovery/link").admin().json("{\"identity_id\":\"" + identity + "\",\"expires_in\":\"30d\"}").send().status());
        assertEquals(404, Http.post("/admin/recovery/link").admin().json("{\"identity_id\":\"not-a-uuid\"}").send().status());
        assertEquals(404, Http.post("/t/acme/admin/recovery/link").admin().json("{\"identity_id\":\"" + identity + "\"}").send().status());
    }
}
