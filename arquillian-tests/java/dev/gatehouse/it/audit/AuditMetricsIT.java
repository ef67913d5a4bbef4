package dev.gatehouse.it.audit;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Mailbox;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /admin/audit/metrics}: the time from registration to a verified address, per device class, and failed
 * verifications by device class, from real sign-ups whose mailed codes are entered (or mistyped) from a phone and a
 * desktop browser; another tenant's figures stay apart; bad parameters are 400s naming them.
 */
@ExtendWith(ItServerReady.class)
class AuditMetricsIT {

    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";

    @RegisterExtension
    Mailbox mail = new Mailbox();

    /** Signs up from a device; answers the address and the id of the verification flow the sign-up started. */
    private static String[] signUp(String prefix, String userAgent) {
        String email = "metric-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        JsonObject flow = ApiFlows.start(prefix, "registration");
        String action = flow.getJsonObject("ui").getString("action");
        Http.Response r = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .header("User-Agent", userAgent).json("{\"method\":\"password\",\"password\":\"metric pass phrase 7\","
                        + "\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"M\",\"last\":\"T\"}}}").send();
        assertEquals(200, r.status(), r.toString());
        JsonObject next = r.jsonObject().getJsonArray("continue_with").getJsonObject(0);
        return new String[] {email, next.getJsonObject("flow").getString("id")};
    }

    private static Http.Response enter(String prefix, String flowId, String code, String userAgent) {
        return Http.post(prefix + "/self-service/verification?flow=" + flowId).header("User-Agent", userAgent)
                .json("{\"method\":\"code\",\"code\":\"" + code + "\"}").send();
    }

    private void verify(String prefix, String[] signedUp, String userAgent) {
        String code = Mailbox.code(mail.awaitText(signedUp[0]), signedUp[0]);
        Http.Response r = enter(prefix, signedUp[1], code, userAgent);
        assertEquals(200, r.status(), r.toString());
    }

    private static Http.Response metric(String prefix, String name, String query) {
        return Http.get(prefix + "/admin/audit/metrics/" + name + (query.isEmpty() ? "" : "?" + query)).admin().send();
    }

    /** The metric once {@code ready} holds (the writer moves rows within a moment), or as it is after 10 s. */
    private static JsonObject await(String prefix, String name, String query, Predicate<JsonObject> ready)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Http.Response r = metric(prefix, name, query);
            assertEquals(200, r.status(), r.toString());
            if (ready.test(r.jsonObject()) || Instant.now().isAfter(deadline)) {
                return r.jsonObject();
            }
            Thread.sleep(100);
        }
    }

    private static JsonObject group(JsonArray groups, String deviceClass) {
        return groups.getValuesAs(JsonObject.class).stream().filter(g -> g.getString("device_class").equals(deviceClass))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + deviceClass + " in " + groups));
    }

    @Test
    void timeToVerificationWhenPhonesVerifiedAndDesktopNotThenPercentilesPerDeviceClass() throws InterruptedException {
        String prefix = "/t/" + TestTenants.create("metric");
        String[] phone1 = signUp(prefix, IPHONE);
        String[] phone2 = signUp(prefix, IPHONE);
        signUp(prefix, CHROME);
        verify(prefix, phone1, IPHONE);
        verify(prefix, phone2, CHROME);

        JsonObject m = await(prefix, "time-to-verification", "window=now-7d&group_by=device_class",
                r -> r.getJsonArray("groups").size() == 2 && group(r.getJsonArray("groups"), "mobile").getInt("verified") == 2);

        assertEquals("device_class", m.getString("group_by"));
        JsonObject mobile = group(m.getJsonArray("groups"), "mobile");
        assertEquals(2, mobile.getInt("registered"));
        assertEquals(2, mobile.getInt("verified"));
        double p50 = mobile.getJsonNumber("p50_seconds").doubleValue();
        double p95 = mobile.getJsonNumber("p95_seconds").doubleValue();
        assertTrue(p50 > 0 && p50 < 120, mobile.toString());
        assertTrue(p95 >= p50 && p95 < 120, mobile.toString());
        JsonObject desktop = group(m.getJsonArray("groups"), "desktop");
        assertEquals(1, desktop.getInt("registered"));
        assertEquals(0, desktop.getInt("verified"));
        assertFalse(desktop.containsKey("p50_seconds"), desktop.toString());
        JsonObject all = metric(prefix, "time-to-verification", "group_by=none").jsonObject().getJsonArray("groups")
                .getJsonObject(0);
        assertEquals("all", all.getString("group"));
        assertEquals(3, all.getInt("registered"));
        assertEquals(2, all.getInt("verified"));
    }

    @Test
    void failedVerificationsWhenCodesMistypedThenCountedByDeviceClassInTheirTenantOnly() throws InterruptedException {
        String prefix = "/t/" + TestTenants.create("metric");
        String other = "/t/" + TestTenants.create("metric");
        String[] signedUp = signUp(prefix, CHROME);
        mail.awaitText(signedUp[0]);
        assertEquals(400, enter(prefix, signedUp[1], "000000", IPHONE).status());
        assertEquals(400, enter(prefix, signedUp[1], "000001", IPHONE).status());
        assertEquals(400, enter(prefix, signedUp[1], "000002", CHROME).status());

        JsonObject m = await(prefix, "failed-verifications", "window=now-1h", r -> r.getInt("total") >= 3);

        assertEquals(3, m.getInt("total"), m.toString());
        assertEquals(2, group(m.getJsonArray("groups"), "mobile").getInt("count"));
        assertEquals(1, group(m.getJsonArray("groups"), "desktop").getInt("count"));
        assertTrue(m.getJsonObject("window").getString("from").compareTo(m.getJsonObject("window").getString("to")) < 0);
        JsonObject elsewhere = metric(other, "failed-verifications", "").jsonObject();
        assertEquals(0, elsewhere.getInt("total"), elsewhere.toString());
        assertEquals(0, metric(other, "time-to-verification", "").jsonObject().getJsonArray("groups").size());
    }

    @Test
    void metricsWhenParametersBadThen400NamingThem() {
        String[][] cases = {{"time-to-verification", "window=yesterday", "window"},
                {"time-to-verification", "window=now-400d", "window"}, {"time-to-verification", "group_by=os", "group_by"},
                {"failed-verifications", "group_by=device_class", "group_by"}, {"failed-verifications", "window=now-0s", "window"},
                {"failed-verifications", "window=now-1d&window=now-2d", "window"}};
        for (String[] c : cases) {
            Http.Response r = metric("", c[0], c[1]);
            assertEquals(400, r.status(), r.toString());
            assertEquals(c[2], r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field"), r.body());
        }
    }
}
