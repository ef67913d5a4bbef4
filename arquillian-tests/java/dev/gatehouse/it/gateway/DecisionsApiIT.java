package dev.gatehouse.it.gateway;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decisions API as nginx {@code auth_request} calls it ({@code X-Forwarded-*}), with rules for the
 * patterns users ask for: public, signed-in only (our sessions), owner only, admin only; and the
 * answers Oathkeeper gives when no rule or several rules match.
 */
@ExtendWith(ItServerReady.class)
class DecisionsApiIT {

    static final String HOST = "decisions.it.test";
    static final String RULES = """
            [
              {"id": "dec-public", "match": {"url": "http://decisions.it.test/public/<.*>", "methods": ["GET"]},
               "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
               "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
              {"id": "dec-cookie", "match": {"url": "http://decisions.it.test/cookie/<.*>", "methods": ["GET"]},
               "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
               "mutators": [{"handler": "cookie", "config": {"cookies": {"gw_user": "{{ print .Subject }}"}}}]},
              {"id": "dec-accounts", "match": {"url": "http://decisions.it.test/accounts/<[^/]+>", "methods": ["GET", "PUT"]},
               "authenticators": [{"handler": "bearer_token"}, {"handler": "cookie_session"}],
               "authorizer": {"handler": "owner"},
               "mutators": [{"handler": "header", "config": {"headers": {
                   "X-User": "{{ print .Subject }}", "X-Email": "{{ print .Extra.identity.traits.email }}",
                   "X-Account": "{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}"}}}],
               "errors": [{"handler": "redirect", "config": {"when": [{"error": ["unauthorized"],
                           "request": {"header": {"accept": ["text/html"]}}}]}},
                          {"handler": "json"}]},
              {"id": "dec-admin", "match": {"url": "http://decisions.it.test/admin/<.*>", "methods": ["GET"]},
               "authenticators": [{"handler": "bearer_token"}],
               "authorizer": {"handler": "roles", "config": {"required": ["admin"]}},
               "mutators": [{"handler": "noop"}]},
              {"id": "dec-overlap-a", "match": {"url": "http://decisions.it.test/overlap/<.*>", "methods": ["GET"]},
               "authenticators": [{"handler": "noop"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
              {"id": "dec-overlap-b", "match": {"url": "http://decisions.it.test/overlap/x", "methods": ["GET"]},
               "authenticators": [{"handler": "noop"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
              {"id": "dec-deny", "match": {"url": "http://decisions.it.test/closed", "methods": ["GET"]},
               "authenticators": [{"handler": "noop"}], "authorizer": {"handler": "deny"}, "mutators": [{"handler": "noop"}],
               "errors": [{"handler": "www_authenticate", "config": {"realm": "closed", "when": [{"error": ["unauthorized"]}]}}]}
            ]
            """;

    @BeforeAll
    static void rules() {
        GatewayRules.install("decisions-it.json", RULES, "dec-deny");
    }

    @Test
    void decisionWhenPublicRuleThen200WithMutatedHeaderAndAnonymousSubject() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/public/page?x=1").header("X-User", "forged-admin").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("anonymous", r.header("X-User"));
    }

    @Test
    void decisionWhenCookieMutatorThenCookieHeaderKeepsTheClientsOtherCookiesAndReplacesSameNamedOnes() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/cookie/page")
                .header("Cookie", "gw_user=admin; theme=dark").send();

        assertEquals(200, r.status(), r.toString());
        String cookie = r.header("Cookie");
        assertTrue(cookie != null && cookie.contains("gw_user=anonymous") && cookie.contains("theme=dark")
                && !cookie.contains("admin"), String.valueOf(cookie));
    }

    @Test
    void decisionWhenNoRuleMatchesThen404InOathkeepersShape() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/nothing-here").send();

        assertEquals(404, r.status(), r.toString());
        JsonObject error = r.jsonObject().getJsonObject("error");
        assertEquals(404, error.getInt("code"));
        assertEquals("Not Found", error.getString("status"));
    }

    @Test
    void decisionWhenMethodNotInRuleThen404() {
        assertEquals(404, GatewayRules.decision("DELETE", HOST, "/public/page").send().status());
    }

    @Test
    void decisionWhenTwoRulesMatchThen500AndNeitherApplies() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/overlap/x").send();

        assertEquals(500, r.status(), r.toString());
        assertEquals(500, r.jsonObject().getJsonObject("error").getInt("code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/..%2faccounts/x", "/public/%252e%252e/admin/x", "/public/%2e%2e/%2e%2e/etc", "/public/a%00b"})
    void decisionWhenUriIsHostileThen400BeforeAnyRule(String uri) {
        Http.Response r = GatewayRules.decision("GET", HOST, uri).send();

        assertEquals(400, r.status(), r.toString());
        assertNull(r.header("X-User"));
    }

    @Test
    void decisionWhenTraversalFromPublicIntoAdminThenRefusedBeforeAnyRule() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/public/../admin/users").send();

        assertEquals(400, r.status(), r.toString());
        assertEquals("dot_segment", r.jsonObject().getJsonObject("error").getString("id"));
    }

    @Test
    void decisionWhenEncodedTraversalFromAdminIntoPublicThenRefusedNotAllowed() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/admin/%2e%2e/public/x").send();

        assertEquals(400, r.status(), r.toString());
        assertEquals("the path contains an encoded dot (%2e)", r.jsonObject().getJsonObject("error").getString("reason"));
        assertNull(r.header("X-User"));
    }

    @Test
    void decisionWhenMethodAndHostInOtherCaseThenSameRule() {
        Http.Response r = GatewayRules.decision("get", "DECISIONS.IT.TEST", "/public/page").send();

        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void decisionWhenOverlongUriThen400() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/public/" + "a".repeat(5000)).send();

        assertEquals(400, r.status(), r.toString());
    }

    @Test
    void ownerOnlyWhenOwnAccountThen200WithIdentityHeaders() {
        SignedUp me = SignedUp.create();

        Http.Response r = GatewayRules.decision("GET", HOST, "/accounts/" + me.id())
                .header("Authorization", "Bearer " + me.token()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(me.id(), r.header("X-User"));
        assertEquals(me.email(), r.header("X-Email"));
        assertEquals(me.id(), r.header("X-Account"));
    }

    @Test
    void ownerOnlyWhenSessionCookieThenSameAsToken() {
        SignedUp me = SignedUp.create();

        Http.Response r = GatewayRules.decision("PUT", HOST, "/accounts/" + me.id())
                .header("Cookie", "gatehouse_session=" + me.token()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(me.id(), r.header("X-User"));
    }

    @Test
    void ownerOnlyWhenSomeoneElsesAccountThen403() {
        SignedUp me = SignedUp.create();
        SignedUp other = SignedUp.create();

        Http.Response r = GatewayRules.decision("GET", HOST, "/accounts/" + other.id())
                .header("Authorization", "Bearer " + me.token()).send();

        assertEquals(403, r.status(), r.toString());
        assertNull(r.header("X-User"));
    }

    @Test
    void ownerOnlyWhenTokenInvalidThen401() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/accounts/" + UUID.randomUUID())
                .header("Authorization", "Bearer ory_st_not-a-real-session-token").send();

        assertEquals(401, r.status(), r.toString());
    }

    @Test
    void ownerOnlyWhenBrowserWithoutSessionThenRedirectToLoginWithReturnTo() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/accounts/abc?tab=2").header("Accept", "text/html,*/*").send();

        assertEquals(302, r.status(), r.toString());
        String location = r.header("Location");
        assertTrue(location.startsWith("/self-service/login/browser?return_to="), location);
        assertEquals("http://decisions.it.test/accounts/abc?tab=2",
                URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8));
    }

    @Test
    void ownerOnlyWhenApiClientWithoutSessionThenJson401() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/accounts/abc").header("Accept", "application/json").send();

        assertEquals(401, r.status(), r.toString());
        assertEquals("Unauthorized", r.jsonObject().getJsonObject("error").getString("status"));
    }

    @Test
    void adminOnlyWhenIdentityHasAdminRoleThen200ElseForbidden() {
        SignedUp plain = SignedUp.create();
        SignedUp admin = SignedUp.create();
        Http.Response patched = Http.method("PATCH", "/admin/identities/" + admin.id()).admin()
                .json("[{\"op\":\"add\",\"path\":\"/metadata_public\",\"value\":{\"roles\":[\"admin\"]}}]").send();
        assertEquals(200, patched.status(), patched.toString());

        assertEquals(403, GatewayRules.decision("GET", HOST, "/admin/users").header("Authorization", "Bearer " + plain.token()).send().status());
        Http.Response r = GatewayRules.decision("GET", HOST, "/admin/users").header("Authorization", "Bearer " + admin.token()).send();
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void denyWhenErrorHandlerOnlyForUnauthorizedThenFallbackJson403() {
        Http.Response r = GatewayRules.decision("GET", HOST, "/closed").send();

        assertEquals(403, r.status(), r.toString());
        assertNull(r.header("WWW-Authenticate"));
        assertEquals("Forbidden", r.jsonObject().getJsonObject("error").getString("status"));
    }

    /** A new identity signed up over the API flow, with its session token. */
    record SignedUp(String id, String email, String token) {
        static SignedUp create() {
            String email = "gw-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
            Http.Response r = ApiFlows.register("", email, "a very decent passphrase 42");
            assertEquals(200, r.status(), r.toString());
            return new SignedUp(r.jsonObject().getJsonObject("identity").getString("id"), email,
                    r.jsonObject().getString("session_token"));
        }
    }
}
