package dev.gatehouse.it.gateway;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.selfservice.AppEnrolment;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /admin/**} behind the reverse proxy demands a second factor: {@code cookie_session} finds the session,
 * {@code session_aal} refuses it below {@code aal2} (403 for an API caller, the aal2 login at the public base URL
 * for a browser), and after a TOTP step-up the upstream gets the request with the session's level and methods.
 */
@ExtendWith(ItServerReady.class)
class SessionAalGatewayIT {

    private static final String PASSWORD = "gateway aal passphrase 8";
    private static final String HOST = "aal.it.test";
    private static TestUpstream upstream;

    @BeforeAll
    static void start() {
        upstream = new TestUpstream();
        String rules = """
                [{"id": "aal-admin", "upstream": {"url": "http://127.0.0.1:%1$d"},
                  "match": {"url": "http://aal.it.test/admin/<.*>", "methods": ["GET"]},
                  "authenticators": [{"handler": "cookie_session"}],
                  "authorizer": {"handler": "session_aal", "config": {"required_aal": "aal2"}},
                  "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}",
                               "X-Aal": "{{ print .Extra.aal }}", "X-Amr": "{{ print .Extra.amr }}"}}}],
                  "errors": [{"handler": "redirect", "config": {"to": "%2$s/self-service/login/browser?aal=aal2",
                                "when": [{"error": ["forbidden"], "request": {"header": {"accept": ["text/html"]}}}]}},
                             {"handler": "json"}]}]
                """.formatted(upstream.port(), ItServer.get().baseUrl());
        GatewayRules.install("aal-it.json", rules, "aal-admin");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("aal-it.json");
        upstream.close();
    }

    private static HttpResponse<byte[]> get(String token, String accept) {
        return ReverseProxyIT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ItServer.get().gatewayProxyPort() + "/admin/echo"))
                .header("Host", HOST).timeout(Duration.ofSeconds(20))
                .header("Cookie", "gatehouse_session=" + token).header("Accept", accept));
    }

    private static String passwordSession(String email) {
        Http.Response login = ApiFlows.login("", email, PASSWORD);
        assertEquals(200, login.status(), login.toString());
        return login.jsonObject().getString("session_token");
    }

    private static String email() {
        return "gw-aal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void adminWhenAal1SessionThenForbiddenAndBrowserSentToTheAal2LoginAtThePublicBaseUrl() {
        String email = email();
        assertEquals(200, ApiFlows.register("", email, PASSWORD).status());
        // no second factor: whoami takes this aal1 session, so cookie_session does; the rule's session_aal does not
        String token = passwordSession(email);
        int before = upstream.requests();

        HttpResponse<byte[]> api = get(token, "application/json");
        HttpResponse<byte[]> page = get(token, "text/html");

        assertEquals(403, api.statusCode(), new String(api.body()));
        assertEquals(403, ReverseProxyIT.json(api).getJsonObject("error").getInt("code"));
        assertEquals(302, page.statusCode(), new String(page.body()));
        String location = page.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2&return_to="), location);
        assertEquals("http://" + HOST + "/admin/echo", URLDecoder.decode(location.substring(location.indexOf("return_to=") + 10),
                StandardCharsets.UTF_8));
        assertEquals(before, upstream.requests(), "nothing reached the upstream");
    }

    @Test
    void adminWhenTotpIdentityThenDeniedAtAal1AndAllowedAfterStepUpWithLevelAndMethodsUpstream() {
        String email = email();
        AppEnrolment.Enrolled app = AppEnrolment.signUpWithApp(email, PASSWORD);
        String token = passwordSession(email);
        HttpResponse<byte[]> denied = get(token, "application/json");
        assertEquals(401, denied.statusCode(), "an aal1 session of an identity with an app is no session, as for whoami");

        Http.Response started = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        String action = started.jsonObject().getJsonObject("ui").getString("action");
        String code = new Totp().code(app.secret(), Totp.step(Instant.now()) + 1);
        assertEquals(200, Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json("{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}").send().status());

        HttpResponse<byte[]> allowed = get(token, "application/json");

        assertEquals(200, allowed.statusCode(), new String(allowed.body()));
        JsonObject echo = ReverseProxyIT.json(allowed);
        assertEquals(List.of(app.identityId()), TestUpstream.values(echo, "X-User"));
        assertEquals(List.of("aal2"), TestUpstream.values(echo, "X-Aal"));
        String amr = String.join(",", TestUpstream.values(echo, "X-Amr"));
        assertTrue(amr.matches(".*pwd.*otp.*mfa.*"), amr);
    }

    @Test
    void validateWhenSessionAalConfigMissingOrWrongThenRefusedNamingIt() {
        for (String config : List.of("{}", "{\"required_aal\": \"aal3\"}", "{\"required_aal\": \"aal2\", \"extra\": 1}")) {
            Http.Response r = Http.post("/admin/rules/validate").admin().json("""
                    [{"id": "aal-bad", "match": {"url": "http://x/", "methods": ["GET"]}, "authenticators": [{"handler": "cookie_session"}],
                      "authorizer": {"handler": "session_aal", "config": %s}, "mutators": [{"handler": "noop"}]}]""".formatted(config)).send();

            assertEquals(422, r.status(), config + " " + r);
            assertTrue(r.body().contains("session_aal"), r.body());
        }
    }
}
