package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.code;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.nodeNames;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static dev.gatehouse.it.selfservice.CodeFlows.sendTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The verification flow with the code method, and the verification a registration starts, over the wire. */
@ExtendWith(ItServerReady.class)
class VerificationIT {

    /** The verification flow a registration started, from its continue_with. */
    private static JsonObject startedBy(JsonObject registration) {
        return startedBy("", registration);
    }

    private static JsonObject startedBy(String prefix, JsonObject registration) {
        JsonObject next = registration.getJsonArray("continue_with").getJsonObject(0);
        assertEquals("show_verification_ui", next.getString("action"));
        Http.Response r = Http.get(prefix + "/self-service/verification/flows?id=" + next.getJsonObject("flow").getString("id")).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    @Test
    void verificationFlowWhenStartedThenKratosShapeAskingForTheEmail() {
        JsonObject flow = ApiFlows.start("", "verification");

        assertEquals("api", flow.getString("type"));
        assertEquals("choose_method", flow.getString("state"));
        assertTrue(flow.getJsonObject("ui").getString("action").endsWith("/self-service/verification?flow=" + flow.getString("id")));
        assertEquals(List.of("email", "method"), nodeNames(flow));
        Http.Response browser = Http.get("/self-service/verification/browser").send();
        assertEquals(303, browser.status());
        assertTrue(browser.header("Location").contains("/ui/selfservice/verification.xhtml?flow="), browser.toString());
    }

    @Test
    void registrationWhenDoneThenAVerificationFlowWaitsForTheSentCode() {
        String address = email("verify");
        JsonObject reg = registered("", address);

        JsonObject flow = startedBy(reg);

        assertEquals("sent_email", flow.getString("state"));
        assertEquals(List.of(1080003L), messageIds(flow));
        assertTrue(nodeNames(flow).contains("code"));
        JsonObject identity = Http.get("/admin/identities/" + reg.getJsonObject("identity").getString("id")).admin().send().jsonObject();
        assertFalse(identity.getJsonArray("verifiable_addresses").getJsonObject(0).getBoolean("verified"));
    }

    @Test
    void verificationWhenAddressUnknownThenAnsweredExactlyAsForAKnownOne() {
        String known = email("verify");
        registered("", known);

        Http.Response forKnown = sendTo(ApiFlows.start("", "verification"), known);
        Http.Response forUnknown = sendTo(ApiFlows.start("", "verification"), email("nobody"));

        for (Http.Response r : new Http.Response[] {forKnown, forUnknown}) {
            assertEquals(200, r.status(), r.toString());
            assertEquals("sent_email", r.jsonObject().getString("state"));
            assertEquals(List.of(1080003L), messageIds(r.jsonObject()));
        }
        assertEquals(nodeNames(forKnown.jsonObject()), nodeNames(forUnknown.jsonObject()));
    }

    @Test
    void verificationWhenWrongCodeFiveTimesThenFlowSpent() {
        JsonObject flow = startedBy(registered("", email("verify")));

        for (int i = 0; i < 5; i++) {
            Http.Response r = code("", "verification", flow.getString("id"), "12345" + i);
            assertEquals(400, r.status(), r.toString());
            assertEquals(List.of(4070006L), messageIds(r.jsonObject()));
        }
        Http.Response after = code("", "verification", flow.getString("id"), "123459");

        assertEquals(410, after.status(), after.toString());
        assertEquals(410, sendTo(flow, email("verify")).status(), "no new code in a spent flow either");
    }

    @Test
    void verificationWhenCodeMalformedOrMissingThenRefusedWithMessage() {
        JsonObject flow = startedBy(registered("", email("verify")));

        Http.Response malformed = code("", "verification", flow.getString("id"), "<script>");
        Http.Response missing = ApiFlows.submit(ApiFlows.start("", "verification"), "{\"method\":\"code\"}");

        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals(List.of(4070006L), messageIds(malformed.jsonObject()));
        assertEquals(400, missing.status(), missing.toString());
        assertFalse(missing.body().contains("<script>"));
    }

    @Test
    void verificationFlowOfTenantAcmeWhenSubmittedInDefaultThenNotFound() {
        JsonObject flow = startedBy("/t/acme", registered("/t/acme", email("verify")));

        assertEquals(404, code("", "verification", flow.getString("id"), "123456").status());
        assertEquals(404, Http.get("/self-service/verification/flows?id=" + flow.getString("id")).send().status());
    }

    @Test
    void verificationWhenMailedCodeSubmittedThenAddressVerified() throws SQLException {
        assumeTrue(CodeFlows.courierAvailable(), "needs the courier (its outbox table) to read the mailed code");
        String address = email("verify");
        JsonObject reg = registered("", address);
        JsonObject flow = startedBy(reg);

        Http.Response r = code("", "verification", flow.getString("id"), CodeFlows.sentCode(address).orElseThrow());

        assertEquals(200, r.status(), r.toString());
        assertEquals("passed_challenge", r.jsonObject().getString("state"));
        assertEquals(List.of(1080002L), messageIds(r.jsonObject()));
        JsonObject a = Http.get("/admin/identities/" + reg.getJsonObject("identity").getString("id")).admin().send().jsonObject()
                .getJsonArray("verifiable_addresses").getJsonObject(0);
        assertTrue(a.getBoolean("verified"));
        assertEquals("completed", a.getString("status"));
        assertTrue(a.containsKey("verified_at"));
    }
}
