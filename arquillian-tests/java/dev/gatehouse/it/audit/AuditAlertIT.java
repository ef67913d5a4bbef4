package dev.gatehouse.it.audit;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import dev.gatehouse.it.support.WebhookReceiver;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert rules over the audit log, end to end: failed sign-ins from one kind of device fire exactly one webhook, signed
 * as Standard Webhooks says, to a real HTTP server; a receiver that fails first gets the same webhook again; the
 * secret is never answered; another tenant sees no rule; bad rules are 400s naming the field.
 */
@ExtendWith(ItServerReady.class)
class AuditAlertIT {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a webhook secret of 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Http.Response create(String prefix, String json) {
        return Http.post(prefix + "/admin/audit/alerts").admin().json(json).send();
    }

    private static String rule(String query, String groupBy, int threshold, String url) {
        return "{\"name\":\"Failed sign-ins\",\"query\":" + query + ",\"group_by\":\"" + groupBy + "\",\"threshold\":"
                + threshold + ",\"window\":\"5m\",\"webhook\":{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}}";
    }

    /** A sign-in refused for an unknown identifier (a new one each time, so no identifier gets locked). */
    private static void failedSignIn(String prefix, String userAgent) {
        String email = "nobody-" + UUID.randomUUID() + "@example.org";
        JsonObject flow = ApiFlows.start(prefix, "login");
        String action = flow.getJsonObject("ui").getString("action");
        Http.Response r = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .header("User-Agent", userAgent)
                .json("{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"not the pass phrase 42\"}")
                .send();
        assertEquals(400, r.status(), r.toString());
    }

    /** Checks the request's Standard Webhooks signature with the rule's secret. */
    private static void assertSigned(WebhookReceiver.Request r) throws GeneralSecurityException {
        String id = r.header("webhook-id");
        String timestamp = r.header("webhook-timestamp");
        assertTrue(id != null && id.startsWith("msg_"), r.toString());
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.header("webhook-signature"));
        assertEquals("application/json", r.header("content-type"));
    }

    private static JsonArray firedEvents(String prefix, String ruleId) {
        return Http.get(prefix + "/admin/audit/events?event_type=audit_alert_fired&resource_id=" + ruleId).admin().send()
                .jsonObject().getJsonArray("events");
    }

    private static String groupOf(WebhookReceiver.Request r) {
        return r.json().getJsonObject("data").getJsonObject("group").getString("value");
    }

    @Test
    void alertWhenRepeatedFailedSignInsFromPhonesThenOneSignedWebhookPerDeviceClass() throws Exception {
        String prefix = "/t/" + TestTenants.create("alert");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Http.Response created = create(prefix, rule("{\"event_type\":\"login_failed\"}", "device_class", 2,
                    receiver.url("/hooks/gatehouse")));
            assertEquals(201, created.status(), created.toString());
            String ruleId = created.jsonObject().getString("id");

            for (int i = 0; i < 3; i++) {
                failedSignIn(prefix, IPHONE);
            }
            WebhookReceiver.Request first = receiver.await(1, WAIT).get(0);

            assertEquals("POST", first.method());
            assertEquals("/hooks/gatehouse", first.path());
            assertSigned(first);
            JsonObject data = first.json().getJsonObject("data");
            assertEquals("audit.alert.fired", first.json().getString("type"));
            assertEquals(ruleId, data.getJsonObject("rule").getString("id"));
            assertEquals("device_class", data.getJsonObject("group").getString("by"));
            assertEquals("mobile", groupOf(first));
            assertEquals(3, data.getInt("count"));
            assertEquals(2, data.getInt("threshold"));
            assertEquals("5m", data.getString("window"));
            assertEquals(3, data.getJsonArray("sample_event_ids").size());

            // one more from a phone (still above: no new alert), then desktops cross the threshold too
            failedSignIn(prefix, IPHONE);
            for (int i = 0; i < 3; i++) {
                failedSignIn(prefix, CHROME);
            }
            List<WebhookReceiver.Request> all = receiver.await(2, WAIT);

            assertEquals("desktop", groupOf(all.get(1)));
            assertEquals(1, all.stream().filter(r -> groupOf(r).equals("mobile")).count(), all.toString());
            // the fired events reach the log one write interval after the webhook was queued
            JsonArray fired = firedEvents(prefix, ruleId);
            Instant deadline = Instant.now().plus(WAIT);
            while (fired.size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                fired = firedEvents(prefix, ruleId);
            }
            assertEquals(2, fired.size(), fired.toString());
            assertEquals("system", fired.getJsonObject(0).getJsonObject("actor").getString("type"));
        }
    }

    @Test
    void alertWhenReceiverFailsFirstThenSameWebhookRetriedUntilAccepted() throws Exception {
        String prefix = "/t/" + TestTenants.create("alert");
        String requestId = "alert-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerNext(500);
            assertEquals(201, create(prefix, rule("{\"event_type\":\"admin_authentication_failed\",\"request_id\":\""
                    + requestId + "\"}", "none", 0, receiver.url("/hook"))).status());

            Http.get(prefix + "/admin/probe").header("X-Request-ID", requestId).send();
            List<WebhookReceiver.Request> got = receiver.await(2, WAIT);

            assertEquals(500, got.get(0).answered());
            assertEquals(200, got.get(1).answered());
            assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"));
            assertEquals(got.get(0).body(), got.get(1).body());
            assertSigned(got.get(0));
            assertSigned(got.get(1));
            assertEquals(1, got.get(1).json().getJsonObject("data").getInt("count"));
        }
    }

    @Test
    void alertsWhenReadThenSecretNeverAnsweredAndAnotherTenantFindsNothing() {
        String a = "/t/" + TestTenants.create("alert");
        String b = "/t/" + TestTenants.create("alert");
        Http.Response created = create(a, rule("{\"event_type\":[\"login_failed\",\"credential_failed\"]}", "subject", 5,
                "https://alerts.example.test/hook"));
        assertEquals(201, created.status(), created.toString());
        String id = created.jsonObject().getString("id");
        assertTrue(created.header("Location").endsWith("/admin/audit/alerts/" + id), created.header("Location"));

        JsonObject read = Http.get(a + "/admin/audit/alerts/" + id).admin().send().jsonObject();
        Http.Response renamed = Http.method("PUT", a + "/admin/audit/alerts/" + id).admin()
                .json("{\"name\":\"Renamed\",\"query\":{\"event_type\":\"login_failed\"},\"threshold\":9,\"window\":\"1h\","
                        + "\"webhook\":{\"url\":\"https://alerts.example.test/other\"}}").send();

        assertEquals(List.of("credential_failed", "login_failed"), read.getJsonObject("query").getJsonArray("event_type")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).sorted().toList());
        assertEquals("subject", read.getString("group_by"));
        assertTrue(read.getJsonObject("webhook").getBoolean("secret_set"));
        assertFalse(created.body().contains(SECRET.substring(6)) || read.toString().contains(SECRET.substring(6)));
        assertFalse(read.getJsonObject("webhook").containsKey("secret"));
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Renamed", renamed.jsonObject().getString("name"));
        assertEquals("none", renamed.jsonObject().getString("group_by"));
        assertEquals("1h", renamed.jsonObject().getString("window"));
        assertTrue(renamed.jsonObject().getJsonObject("webhook").getBoolean("secret_set"));
        assertEquals(404, Http.get(b + "/admin/audit/alerts/" + id).admin().send().status());
        assertEquals(404, Http.method("DELETE", b + "/admin/audit/alerts/" + id).admin().send().status());
        assertEquals(0, Http.get(b + "/admin/audit/alerts").admin().send().jsonObject().getJsonArray("alerts").size());
        assertEquals(204, Http.method("DELETE", a + "/admin/audit/alerts/" + id).admin().send().status());
        assertEquals(404, Http.get(a + "/admin/audit/alerts/" + id).admin().send().status());
    }

    @Test
    void alertsWhenRuleMalformedThen400NamingTheFieldAndNothingStored() {
        String prefix = "/t/" + TestTenants.create("alert");
        String hook = "{\"url\":\"https://alerts.example.test/h\",\"secret\":\"" + SECRET + "\"}";
        String[][] cases = {
                {"{\"query\":{},\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "name"},
                {"{\"name\":\"x\",\"query\":{\"evnt_type\":\"login\"},\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "query.evnt_type"},
                {"{\"name\":\"x\",\"query\":{\"result\":\"maybe\"},\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "query.result"},
                {"{\"name\":\"x\",\"query\":{\"since\":\"now-1h\"},\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "query.since"},
                {"{\"name\":\"x\",\"query\":{\"subject\":42},\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "query.subject"},
                {"{\"name\":\"x\",\"group_by\":\"colour\",\"threshold\":1,\"window\":\"5m\",\"webhook\":" + hook + "}", "group_by"},
                {"{\"name\":\"x\",\"threshold\":-1,\"window\":\"5m\",\"webhook\":" + hook + "}", "threshold"},
                {"{\"name\":\"x\",\"threshold\":\"5\",\"window\":\"5m\",\"webhook\":" + hook + "}", "threshold"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"forever\",\"webhook\":" + hook + "}", "window"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"30d\",\"webhook\":" + hook + "}", "window"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\"}", "webhook"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\",\"webhook\":{\"url\":\"ftp://h.example/x\",\"secret\":\"" + SECRET + "\"}}", "webhook.url"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\",\"webhook\":{\"url\":\"javascript:alert(1)\",\"secret\":\"" + SECRET + "\"}}", "webhook.url"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\",\"webhook\":{\"url\":\"https://h.example/x\",\"secret\":\"short\"}}", "webhook.secret"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\",\"webhook\":{\"url\":\"https://h.example/x\"}}", "webhook.secret"},
                {"{\"name\":\"x\",\"threshold\":1,\"window\":\"5m\",\"colour\":\"red\",\"webhook\":" + hook + "}", "colour"}};
        for (String[] c : cases) {
            Http.Response r = create(prefix, c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r);
            assertEquals(c[1], r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field"), c[0] + " -> " + r.body());
        }
        Http.Response notJson = Http.post(prefix + "/admin/audit/alerts").admin().json("{\"name\":").send();
        assertEquals(400, notJson.status(), notJson.toString());
        assertEquals(0, Http.get(prefix + "/admin/audit/alerts").admin().send().jsonObject().getJsonArray("alerts").size());
    }
}
