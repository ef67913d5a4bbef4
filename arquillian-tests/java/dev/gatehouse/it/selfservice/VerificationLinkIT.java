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
import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verification by e-mailed link (Kratos' {@code link} method), and the verification mail a new address gets
 * when it is changed in settings; mail read from GreenMail, links opened in a cookie-keeping browser client.
 */
@ExtendWith(ItServerReady.class)
class VerificationLinkIT {

    private static final String PATH = "/self-service/verification";

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private static Http.Response askForLink(JsonObject flow, String address) {
        return ApiFlows.submit(flow, "{\"method\":\"link\",\"email\":\"" + address + "\"}");
    }

    private static JsonObject address(String identityId, String value) {
        return Http.get("/admin/identities/" + identityId).admin().send().jsonObject().getJsonArray("verifiable_addresses")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("value").equals(value)).findFirst().orElseThrow();
    }

    /** The id (not a secret) of the verification flow a code to the address was issued in; the code comes from the mail. */
    private static String verificationFlowFor(String address) throws java.sql.SQLException {
        try (var c = CodeFlows.db(); var p = c.prepareStatement(
                "SELECT flow_id FROM one_time_code WHERE address = ? AND purpose = 'VERIFICATION' ORDER BY created_at DESC")) {
            p.setString(1, address);
            try (var rs = p.executeQuery()) {
                assertTrue(rs.next(), "a verification code was issued for " + address);
                return rs.getString(1);
            }
        }
    }

    private static List<Long> refusal(Browser browser, HttpResponse<String> answer) {
        assertEquals(303, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/ui/selfservice/verification.xhtml?flow="), location);
        return messageIds(browser.json("/self-service/verification/flows?id=" + location.substring(location.indexOf("flow=") + 5)));
    }

    @Test
    void verificationLinkWhenOpenedInAnyBrowserThenAddressVerifiedAndNobodySignedIn() {
        String address = email("vlink");
        String identity = registered("", address).getJsonObject("identity").getString("id");
        JsonObject flow = ApiFlows.start("", "verification");

        Http.Response sent = askForLink(flow, address);

        assertEquals(200, sent.status(), sent.toString());
        assertEquals(List.of(1080001L), messageIds(sent.jsonObject()));
        String link = mail.awaitLink(address, PATH);
        assertTrue(link.matches("http://[^/]+/self-service/verification\\?flow=" + flow.getString("id") + "&token=[A-Za-z0-9_-]{43}"), link);
        assertFalse(address(identity, address).getBoolean("verified"));
        Browser browser = new Browser();
        HttpResponse<String> opened = browser.open(link);
        assertEquals(200, opened.statusCode(), opened.body());
        assertTrue(opened.body().contains("data-id=\"1080002\""), opened.body());
        JsonObject a = address(identity, address);
        assertTrue(a.getBoolean("verified"));
        assertEquals("completed", a.getString("status"));
        assertTrue(browser.cookie("gatehouse_session").isEmpty(), "a verification link signs nobody in");
        assertEquals("passed_challenge", Http.get("/self-service/verification/flows?id=" + flow.getString("id")).send()
                .jsonObject().getString("state"));
    }

    @Test
    void verificationLinkWhenOpenedInTheBrowserThatAskedThenItsFlowPageSaysVerified() {
        String address = email("vlink");
        registered("", address);
        Browser browser = new Browser();
        HttpResponse<String> started = browser.open("/self-service/verification/browser");
        String location = started.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.indexOf("flow=") + 5);
        JsonObject flow = browser.json("/self-service/verification/flows?id=" + id);
        browser.postForm(flow.getJsonObject("ui").getString("action"), "csrf_token", browser.cookie("gatehouse_csrf").orElseThrow(),
                "method", "link", "email", address);

        HttpResponse<String> opened = browser.open(mail.awaitLink(address, PATH));

        assertEquals(303, opened.statusCode(), opened.body());
        assertTrue(opened.headers().firstValue("Location").orElseThrow().endsWith("/ui/selfservice/verification.xhtml?flow=" + id));
        JsonObject done = browser.json("/self-service/verification/flows?id=" + id);
        assertEquals("passed_challenge", done.getString("state"));
        assertEquals(List.of(1080002L), messageIds(done));
    }

    @Test
    void verificationLinkWhenReusedExpiredOrOfAnotherFlowThen4070001() throws Exception {
        String address = email("vlink");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "verification");
        askForLink(flow, address);
        String link = mail.awaitLink(address, PATH);
        String foreign = link.replaceFirst("flow=[0-9a-f-]{36}", "flow=" + ApiFlows.start("", "verification").getString("id"));
        Browser browser = new Browser();

        assertEquals(List.of(4070001L), refusal(browser, browser.open(foreign)));
        assertEquals(200, browser.open(link).statusCode());
        assertEquals(List.of(4070001L), refusal(browser, browser.open(link)), "a link works once");

        String other = email("vlink");
        registered("", other);
        JsonObject second = ApiFlows.start("", "verification");
        askForLink(second, other);
        String stale = mail.awaitLink(other, PATH);
        try (var c = CodeFlows.db(); var p = c.prepareStatement(
                "UPDATE one_time_code SET expires_at = expires_at - INTERVAL '1' HOUR WHERE flow_id = ?")) {
            p.setString(1, second.getString("id"));
            assertEquals(1, p.executeUpdate());
        }
        assertEquals(List.of(4070001L), refusal(browser, browser.open(stale)));
    }

    @Test
    void settingsWhenEmailChangedThenNewAddressUnverifiedAndItsMailedCodeVerifiesIt() throws Exception {
        String before = email("moved");
        JsonObject reg = registered("", before);
        String token = reg.getString("session_token");
        String identity = reg.getJsonObject("identity").getString("id");
        String after = email("moved");
        Http.Response settings = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        String action = settings.jsonObject().getJsonObject("ui").getString("action");

        Http.Response changed = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json("{\"method\":\"profile\",\"traits\":{\"email\":\"" + after + "\",\"name\":{\"first\":\"Moved\"}}}").send();

        assertEquals(200, changed.status(), changed.toString());
        assertFalse(address(identity, after).getBoolean("verified"), "a new address starts unverified");
        String text = mail.awaitText(after);
        assertTrue(text.contains(after), text);
        String code = Mailbox.code(text, after);
        String flow = verificationFlowFor(after);
        assertEquals(400, CodeFlows.code("", "verification", ApiFlows.start("", "verification").getString("id"), code).status(),
                "the code is bound to the flow the change started");
        Http.Response verified = CodeFlows.code("", "verification", flow, code);
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(address(identity, after).getBoolean("verified"));
        assertTrue(mail.to(before).size() <= 1, "the old address got only its sign-up mail");
    }
}
