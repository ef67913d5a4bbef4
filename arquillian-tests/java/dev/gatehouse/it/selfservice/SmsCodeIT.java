package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.SmsGatewayStub;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Codes by SMS over the wire, with a real HTTP SMS gateway in this JVM (on the port the server's
 * {@code gatehouse.courier.sms.url} names, with its API key and jsonnet body file): sign-in with a phone number, the
 * gateway's request, retries after a 500 and after a failing template, the code as a second factor, and the send
 * limits. Each test has a tenant of its own, with phone numbers read in region DE.
 */
@ExtendWith(ItServerReady.class)
class SmsCodeIT {

    private static SmsGatewayStub gateway;

    @BeforeAll
    static void startGateway() {
        gateway = SmsGatewayStub.start();
    }

    @AfterAll
    static void stopGateway() throws IOException {
        gateway.close();
        Files.writeString(ItServer.get().smsBodyFile(), ItServer.get().smsBodyDefault(), StandardCharsets.UTF_8);
    }

    /** A fresh tenant with region DE (and, if asked, the code as a second factor); answers its path prefix. */
    private static String tenant(boolean codeMfa) {
        String id = TestTenants.create("sms");
        Http.Response r = Http.method("PATCH", "/admin/tenants/" + id + "/settings").admin().json("{\"identity.phone.default-region\":\"DE\""
                + (codeMfa ? ",\"selfservice.methods.code.mfa-enabled\":\"true\"" : "") + "}").send();
        assertEquals(200, r.status(), r.toString());
        return "/t/" + id;
    }

    /** A German mobile number nobody else in the run uses, in E.164. */
    private static String number() {
        return "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** The number as someone in Germany writes it: 0151 1234 5678. */
    private static String national(String e164) {
        return "0" + e164.substring(3, 6) + " " + e164.substring(6, 10) + " " + e164.substring(10);
    }

    /** An identity of the phone schema with a verified phone number (and, if given, a password). */
    private static JsonObject identity(String prefix, String phone, String password) {
        String credentials = password == null ? "" : ",\"credentials\":{\"password\":{\"config\":{\"password\":\"" + password + "\"}}}";
        Http.Response r = Http.post(prefix + "/admin/identities").admin().json("{\"schema_id\":\"phone\",\"traits\":{\"phone\":\""
                + national(phone) + "\"},\"verifiable_addresses\":[{\"value\":\"" + phone + "\",\"via\":\"sms\",\"verified\":true}]"
                + credentials + "}").send();
        assertEquals(201, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response sendCode(String prefix, String identifier) {
        return ApiFlows.submit(ApiFlows.start(prefix, "login"), "{\"method\":\"code\",\"identifier\":\"" + identifier + "\"}");
    }

    private static JsonArray messagesTo(String prefix, String number) {
        Http.Response r = Http.get(prefix + "/admin/courier/messages?recipient=" + number.replace("+", "%2B")).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.json().asJsonArray();
    }

    private static JsonObject awaitMessage(String prefix, String number, java.util.function.Predicate<JsonObject> state) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            JsonArray all = messagesTo(prefix, number);
            if (!all.isEmpty() && state.test(all.getJsonObject(0))) {
                return all.getJsonObject(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the message to " + number + " did not reach the expected state: " + messagesTo(prefix, number));
    }

    @Test
    void signInWhenPhoneNumberInNationalFormThenCodeBySmsAndSessionViaSms() {
        String prefix = tenant(false);
        String phone = number();
        JsonObject ada = identity(prefix, phone, null);
        JsonObject flow = ApiFlows.start(prefix, "login");

        Http.Response sent = ApiFlows.submit(flow, "{\"method\":\"code\",\"identifier\":\"" + national(phone) + "\"}");
        assertEquals(200, sent.status(), sent.toString());
        assertEquals("sent_email", sent.jsonObject().getString("state"));

        SmsGatewayStub.Request sms = gateway.awaitDelivered(phone);
        JsonObject body = sms.json();
        assertEquals("POST", sms.method());
        assertEquals(ItServer.get().smsApiKey(), sms.apiKey());
        assertEquals("application/json", sms.contentType());
        assertEquals("Gatehouse", body.getString("from"));
        assertEquals("login_code_valid", body.getString("type"));
        String code = body.getJsonObject("data").getString("login_code");
        assertEquals("Your login code is: " + code, body.getString("text"));

        Http.Response in = ApiFlows.submit(flow, "{\"method\":\"code\",\"code\":\"" + code + "\"}");
        assertEquals(200, in.status(), in.toString());
        JsonObject whoami = ApiFlows.whoami(prefix, in.jsonObject().getString("session_token")).jsonObject();
        assertEquals(ada.getString("id"), whoami.getJsonObject("identity").getString("id"));
        JsonObject method = whoami.getJsonArray("authentication_methods").getJsonObject(0);
        assertEquals("code", method.getString("method"));
        assertEquals("sms", method.getString("via"));

        JsonObject message = messagesTo(prefix, phone).getJsonObject(0);
        assertEquals("sms", message.getString("type"));
        assertEquals("sent", message.getString("status"));
    }

    @Test
    void identityWhenOneNumberInTwoSpellingsThenTheSecondIsRefusedAndAnInvalidOneIsRefusedOnTheField() {
        String prefix = tenant(false);
        String phone = number();
        JsonObject first = identity(prefix, phone, null);
        assertEquals(phone, first.getJsonObject("traits").getString("phone"));

        Http.Response again = Http.post(prefix + "/admin/identities").admin().json("{\"schema_id\":\"phone\",\"traits\":{\"phone\":\"0049"
                + phone.substring(3) + "\"}}").send();
        assertEquals(409, again.status(), again.toString());

        Http.Response invalid = Http.post(prefix + "/admin/identities").admin()
                .json("{\"schema_id\":\"phone\",\"traits\":{\"phone\":\"12345\"}}").send();
        assertEquals(422, invalid.status(), invalid.toString());
        JsonObject error = invalid.jsonObject().getJsonArray("errors").getJsonObject(0);
        assertEquals("traits.phone", error.getString("field"));
        assertEquals("\"12345\" is not valid \"tel\"", error.getString("message"));
        assertEquals(1, Http.get(prefix + "/admin/identities").admin().send().json().asJsonArray().size());
    }

    @Test
    void deliveryWhenGatewayAnswers500ThenDeliveredOnceAfterARetry() {
        String prefix = tenant(false);
        String phone = number();
        identity(prefix, phone, null);
        gateway.answerNext(500);

        assertEquals(200, sendCode(prefix, phone).status());

        awaitMessage(prefix, phone, m -> m.getString("status").equals("sent"));
        List<SmsGatewayStub.Request> tries = gateway.to(phone);
        assertEquals(List.of(500, 200), tries.stream().map(SmsGatewayStub.Request::answered).toList());
        assertEquals(tries.get(0).body(), tries.get(1).body());
    }

    @Test
    void deliveryWhenTemplateFailsThenMessageKeptAndRetriedAndNothingSecretLogged() throws IOException {
        String prefix = tenant(false);
        String phone = number();
        identity(prefix, phone, null);
        Files.writeString(ItServer.get().smsBodyFile(), "function(ctx) error 'cannot send ' + ctx.body", StandardCharsets.UTF_8);
        try {
            assertEquals(200, sendCode(prefix, phone).status());
            JsonObject retried = awaitMessage(prefix, phone, m -> m.getInt("send_count") >= 2 && m.getString("status").equals("queued"));
            String code = retried.getString("body").replaceAll("\\D", "");
            assertTrue(gateway.to(phone).isEmpty(), "nothing reached the gateway");

            String id = retried.getString("id");
            JsonObject logged = ServerLog.await(r -> r.toString().contains(id) && r.toString().contains("template failed"))
                    .orElseThrow(() -> new AssertionError("the failed attempt of " + id + " is not logged"));
            assertFalse(logged.toString().contains(code), logged.toString());
            assertTrue(ServerLog.records().stream().map(JsonObject::toString).noneMatch(r -> r.contains(ItServer.get().smsApiKey())
                    || r.contains("SMS") && r.contains(code)), "neither the API key nor the code is logged");
        } finally {
            Files.writeString(ItServer.get().smsBodyFile(), ItServer.get().smsBodyDefault(), StandardCharsets.UTF_8);
        }
        JsonObject delivered = awaitMessage(prefix, phone, m -> m.getString("status").equals("sent"));
        assertEquals(delivered.getString("body"), "Your login code is: " + gateway.awaitDelivered(phone).json().getJsonObject("data")
                .getString("login_code"));
    }

    @Test
    void secondFactorWhenSmsCodeThenSessionRaisedFromAal1ToAal2ViaSms() {
        String prefix = tenant(true);
        String phone = number();
        identity(prefix, phone, "Tulips grow on Mars 2026");
        String token = ApiFlows.login(prefix, phone, "Tulips grow on Mars 2026").jsonObject().getString("session_token");
        Http.Response below = ApiFlows.whoami(prefix, token);
        assertEquals(403, below.status(), "a verified phone is a second factor: " + below);

        Http.Response raising = Http.get(prefix + "/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, raising.status(), raising.toString());
        JsonObject flow = raising.jsonObject();
        JsonObject button = flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getJsonObject("attributes").getString("name").equals("address")).findFirst().orElseThrow();
        assertEquals(phone, button.getJsonObject("attributes").getString("value"));
        assertEquals(1010023, button.getJsonObject("meta").getJsonObject("label").getInt("id"));

        String action = flow.getJsonObject("ui").getString("action");
        String path = action.substring(action.indexOf("/", action.indexOf("//") + 2));
        Http.Response sent = Http.post(path).header("X-Session-Token", token).json("{\"address\":\"" + phone + "\"}").send();
        assertEquals(200, sent.status(), sent.toString());
        String code = gateway.awaitDelivered(phone).json().getJsonObject("data").getString("login_code");

        Http.Response raised = Http.post(path).header("X-Session-Token", token)
                .json("{\"method\":\"code\",\"code\":\"" + code + "\"}").send();
        assertEquals(200, raised.status(), raised.toString());
        JsonObject whoami = ApiFlows.whoami(prefix, token).jsonObject();
        assertEquals("aal2", whoami.getString("authenticator_assurance_level"));
        JsonObject second = whoami.getJsonArray("authentication_methods").getJsonObject(1);
        assertEquals(List.of("code", "aal2", "sms"), List.of(second.getString("method"), second.getString("aal"), second.getString("via")));
    }

    @Test
    void sendLimitWhenOneNumberWrittenFiveWaysThenTheSixthCodeIsRefused() {
        String prefix = tenant(false);
        String phone = number();
        identity(prefix, phone, null);
        String rest = phone.substring(3);
        for (String spelling : List.of(phone, national(phone), "0049" + rest, "+49 " + rest, "+49-" + rest.substring(0, 3) + "-" + rest.substring(3))) {
            assertEquals(200, sendCode(prefix, spelling).status(), spelling);
        }

        Http.Response sixth = sendCode(prefix, national(phone));

        assertEquals(400, sixth.status(), sixth.toString());
        assertEquals(4000001, sixth.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
        assertEquals(5, messagesTo(prefix, phone).size());
    }

    @Test
    void verificationWhenNumberInTheEmailFieldThenCodeBySmsAndTheNumberVerified() {
        String prefix = tenant(false);
        String phone = number();
        Http.Response created = Http.post(prefix + "/admin/identities").admin().json("{\"schema_id\":\"phone\",\"traits\":{\"phone\":\""
                + phone + "\"}}").send();
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.jsonObject().getJsonArray("verifiable_addresses").getJsonObject(0).getBoolean("verified"));
        JsonObject flow = ApiFlows.start(prefix, "verification");

        Http.Response sent = ApiFlows.submit(flow, "{\"method\":\"code\",\"email\":\"" + national(phone) + "\"}");
        assertEquals(200, sent.status(), sent.toString());
        SmsGatewayStub.Request sms = gateway.awaitDelivered(phone);
        assertEquals("verification_code_valid", sms.json().getString("type"));
        Http.Response done = ApiFlows.submit(flow, "{\"method\":\"code\",\"code\":\""
                + sms.json().getJsonObject("data").getString("verification_code") + "\"}");

        assertEquals(200, done.status(), done.toString());
        JsonObject address = Http.get(prefix + "/admin/identities/" + created.jsonObject().getString("id")).admin().send().jsonObject()
                .getJsonArray("verifiable_addresses").getJsonObject(0);
        assertEquals(List.of("sms", phone, "completed"), List.of(address.getString("via"), address.getString("value"), address.getString("status")));
        assertTrue(address.getBoolean("verified"));
    }

    @Test
    void resendWhenWithinTheIntervalThenRefusedAndNothingMoreSent() {
        String prefix = tenant(false);
        String phone = number();
        identity(prefix, phone, null);
        JsonObject flow = ApiFlows.start(prefix, "login");
        assertEquals(200, ApiFlows.submit(flow, "{\"method\":\"code\",\"identifier\":\"" + phone + "\"}").status());

        Http.Response again = ApiFlows.submit(flow, "{\"method\":\"code\",\"resend\":\"code\"}");

        assertEquals(400, again.status(), again.toString());
        assertEquals(1, messagesTo(prefix, phone).size());
    }
}
