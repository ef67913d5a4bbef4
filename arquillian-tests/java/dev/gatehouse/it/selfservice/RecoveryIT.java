package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static dev.gatehouse.it.selfservice.CodeFlows.PASSWORD;
import static dev.gatehouse.it.selfservice.CodeFlows.adminCode;
import static dev.gatehouse.it.selfservice.CodeFlows.code;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.flowIdOf;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.nodeNames;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static dev.gatehouse.it.selfservice.CodeFlows.sendTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The recovery flow with the code method, and admin-initiated recovery, over the wire. */
@ExtendWith(ItServerReady.class)
class RecoveryIT {

    @Test
    void recoveryFlowWhenStartedThenKratosShapeAskingForTheEmail() {
        JsonObject flow = ApiFlows.start("", "recovery");

        assertEquals("api", flow.getString("type"));
        assertEquals("choose_method", flow.getString("state"));
        assertTrue(flow.getJsonObject("ui").getString("action").endsWith("/self-service/recovery?flow=" + flow.getString("id")));
        assertEquals(java.util.List.of("email", "method"), nodeNames(flow));
        assertEquals(200, Http.get("/self-service/recovery/flows?id=" + flow.getString("id")).send().status());
        Http.Response browser = Http.get("/self-service/recovery/browser").send();
        assertEquals(303, browser.status());
        assertTrue(browser.header("Location").contains("/ui/selfservice/recovery.xhtml?flow="), browser.toString());
    }

    @Test
    void recoveryWhenAddressUnknownThenAnsweredExactlyAsForAKnownOne() {
        String known = email("recover");
        registered("", known);

        Http.Response forKnown = sendTo(ApiFlows.start("", "recovery"), known);
        Http.Response forUnknown = sendTo(ApiFlows.start("", "recovery"), email("nobody"));

        for (Http.Response r : new Http.Response[] {forKnown, forUnknown}) {
            assertEquals(200, r.status(), r.toString());
            assertEquals("sent_email", r.jsonObject().getString("state"));
            assertEquals(java.util.List.of(1060003L), messageIds(r.jsonObject()));
        }
        assertEquals(nodeNames(forKnown.jsonObject()), nodeNames(forUnknown.jsonObject()));
        assertEquals(forKnown.jsonObject().getJsonObject("ui").getJsonArray("messages"),
                forUnknown.jsonObject().getJsonObject("ui").getJsonArray("messages"));
    }

    @Test
    void recoveryWhenCodeAskedAgainTooSoonThenMessageAndFlowStillWaiting() {
        JsonObject flow = ApiFlows.start("", "recovery");
        String address = email("nobody");
        assertEquals(200, sendTo(flow, address).status());

        Http.Response again = sendTo(flow, address);

        assertEquals(400, again.status(), again.toString());
        assertEquals("sent_email", again.jsonObject().getString("state"));
        assertEquals(java.util.List.of(4000001L), messageIds(again.jsonObject()));
    }

    @Test
    void adminCodeWhenSubmittedThenSessionSettingsFlowNewPasswordAndOldSessionsRevoked() {
        String address = email("recover");
        JsonObject reg = registered("", address);
        String oldToken = reg.getString("session_token");
        String otherToken = ApiFlows.login("", address, PASSWORD).jsonObject().getString("session_token");
        JsonObject admin = adminCode("", reg.getJsonObject("identity").getString("id"), "1h");
        assertTrue(admin.getString("recovery_code").matches("[0-9]{6}"), admin.toString());
        assertTrue(admin.containsKey("expires_at"));

        Http.Response r = code("", "recovery", flowIdOf(admin.getString("recovery_link")), admin.getString("recovery_code"));

        assertEquals(200, r.status(), r.toString());
        String token = r.jsonObject().getString("session_token");
        assertEquals("code_recovery", r.jsonObject().getJsonObject("session").getJsonArray("authentication_methods")
                .getJsonObject(0).getString("method"));
        JsonObject next = r.jsonObject().getJsonArray("continue_with").getJsonObject(0);
        assertEquals("show_settings_ui", next.getString("action"));
        assertEquals(401, ApiFlows.whoami("", oldToken).status(), "other sessions are revoked");
        assertEquals(401, ApiFlows.whoami("", otherToken).status());
        Http.Response settings = Http.post("/self-service/settings?flow=" + next.getJsonObject("flow").getString("id"))
                .header("X-Session-Token", token).json("{\"method\":\"password\",\"password\":\"recovered passphrase 88\"}").send();
        assertEquals(200, settings.status(), settings.toString());
        assertEquals(400, ApiFlows.login("", address, PASSWORD).status());
        assertEquals(200, ApiFlows.login("", address, "recovered passphrase 88").status());
        assertEquals(410, code("", "recovery", flowIdOf(admin.getString("recovery_link")), admin.getString("recovery_code")).status(),
                "a code works once");
    }

    @Test
    void recoveryWhenWrongCodeFiveTimesThenFlowSpentEvenForTheRightCode() {
        JsonObject reg = registered("", email("recover"));
        JsonObject admin = adminCode("", reg.getJsonObject("identity").getString("id"), "1h");
        String flow = flowIdOf(admin.getString("recovery_link"));
        String wrong = admin.getString("recovery_code").equals("000000") ? "000001" : "000000";

        for (int i = 0; i < 5; i++) {
            Http.Response r = code("", "recovery", flow, wrong);
            assertEquals(400, r.status(), r.toString());
            assertEquals(java.util.List.of(4060006L), messageIds(r.jsonObject()));
        }
        Http.Response right = code("", "recovery", flow, admin.getString("recovery_code"));

        assertEquals(410, right.status(), right.toString());
        assertFalse(right.body().contains("session_token"));
    }

    @Test
    void recoveryWhenCodeExpiredThenRefused() throws SQLException {
        JsonObject reg = registered("", email("recover"));
        JsonObject admin = adminCode("", reg.getJsonObject("identity").getString("id"), "1h");
        String flow = flowIdOf(admin.getString("recovery_link"));
        try (Connection c = CodeFlows.db(); PreparedStatement p = c.prepareStatement(
                "UPDATE one_time_code SET expires_at = expires_at - INTERVAL '2' HOUR WHERE flow_id = ?")) {
            p.setString(1, flow);
            assertEquals(1, p.executeUpdate());
        }

        Http.Response r = code("", "recovery", flow, admin.getString("recovery_code"));

        assertEquals(400, r.status(), r.toString());
        assertEquals(java.util.List.of(4060006L), messageIds(r.jsonObject()));
    }

    @Test
    void codeStoredOnlyAsHash() throws SQLException {
        JsonObject reg = registered("", email("recover"));
        JsonObject admin = adminCode("", reg.getJsonObject("identity").getString("id"), "15m");
        try (Connection c = CodeFlows.db(); PreparedStatement p = c.prepareStatement(
                "SELECT code_hash FROM one_time_code WHERE flow_id = ?")) {
            p.setString(1, flowIdOf(admin.getString("recovery_link")));
            var rs = p.executeQuery();
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains(admin.getString("recovery_code")));
            assertEquals(64, rs.getString(1).length());
        }
    }

    @Test
    void adminCodeOfTenantAcmeWhenUsedInDefaultThenNotFound() {
        JsonObject reg = registered("/t/acme", email("recover"));
        String identity = reg.getJsonObject("identity").getString("id");
        JsonObject admin = adminCode("/t/acme", identity, "1h");

        Http.Response inDefault = code("", "recovery", flowIdOf(admin.getString("recovery_link")), admin.getString("recovery_code"));

        assertEquals(404, inDefault.status(), inDefault.toString());
        assertEquals(404, Http.post("/admin/recovery/code").admin().json("{\"identity_id\":\"" + identity + "\"}").send().status());
        assertTrue(admin.getString("recovery_link").contains("/t/acme/self-service/recovery?flow="));
        assertEquals(200, code("/t/acme", "recovery", flowIdOf(admin.getString("recovery_link")), admin.getString("recovery_code")).status());
    }

    @Test
    void adminCodeWhenInputBadOrNoAdminThenRefused() {
        String identity = registered("", email("recover")).getJsonObject("identity").getString("id");

        assertEquals(401, Http.post("/admin/recovery/code").json("{\"identity_id\":\"" + identity + "\"}").send().status());
        assertEquals(422, Http.post("/admin/recovery/code").admin().json("{}").send().status());
        assertEquals(422, Http.post("/admin/recovery/code").admin().json("{\"identity_id\":\"" + identity + "\",\"expires_in\":\"soon\"}").send().status());
        assertEquals(422, Http.post("/admin/recovery/code").admin().json("{\"identity_id\":\"" + identity + "\",\"expires_in\":\"30d\"}").send().status());
        assertEquals(404, Http.post("/admin/recovery/code").admin().json("{\"identity_id\":\"not-a-uuid\"}").send().status());
        assertEquals(400, Http.post("/admin/recovery/code").admin().json("[1]").send().status());
    }

    @Test
    void recoveryByEmailWhenCourierDeployedThenTheMailedCodeSignsIn() throws SQLException {
        assumeTrue(CodeFlows.courierAvailable(), "needs the courier (its outbox table) to read the mailed code");
        String address = email("recover");
        registered("", address);
        JsonObject flow = sendTo(ApiFlows.start("", "recovery"), address).jsonObject();

        String mailed = CodeFlows.sentCode(address).orElseThrow();
        Http.Response r = code("", "recovery", flow.getString("id"), mailed);

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.jsonObject().getString("session_token").startsWith("ory_st_"));
    }

    @Test
    void recoveryMailWhenRequestedInRussianThenWrittenInRussian() throws SQLException {
        String address = email("recover");
        registered("", address);
        JsonObject flow = ApiFlows.start("", "recovery");
        String action = flow.getJsonObject("ui").getString("action");

        Http.Response sent = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .json("{\"method\":\"code\",\"email\":\"" + address + "\"}").send();

        assertEquals(200, sent.status(), sent.toString());
        String text = CodeFlows.newestMessageTo(address).orElseThrow();
        assertTrue(text.contains("Чтобы восстановить доступ"), text);
    }
}
