package dev.gatehouse.it.gateway;

import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.TestBrowser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin-only and owner-only patterns end to end, with the credentials a user really holds: sessions from
 * our identity service, and access tokens our token server issued through {@code /oauth2/auth} (login accepted
 * through the challenge API, a first-party client under the built-in consent app, code + PKCE redeemed with the
 * Nimbus SDK). Opaque tokens go through the demo rules behind the servlet filter (in-process introspection; the
 * built-in consent copied the identity's {@code metadata_public.roles} into the token); JWT access tokens through
 * rules of this class's own that verify them against our published JWKS, asked through the decisions API.
 */
@ExtendWith(ItServerReady.class)
class GatewayPatternsEndToEndIT {

    static final String HOST = "patterns.it.test";

    @BeforeAll
    static void install() {
        String jwks = ItServer.get().uri("/.well-known/jwks.json").toString();
        String issuer = Http.get("/.well-known/openid-configuration").send().jsonObject().getString("issuer");
        String jwt = """
                {"handler": "jwt", "config": {"jwks_urls": ["%s"], "trusted_issuers": ["%s"], "allowed_algorithms": ["RS256", "ES256"]}}
                """.formatted(jwks, issuer);
        GatewayRules.install("patterns-it.json", """
                [
                  {"id": "patterns-admin", "match": {"url": "http://patterns.it.test/admin/<.*>", "methods": ["GET"]},
                   "authenticators": [%1$s], "authorizer": {"handler": "roles", "config": {"required": ["admin"], "claim": "ext.roles"}},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "patterns-me", "match": {"url": "http://patterns.it.test/me", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_introspection", "config": {"prefix": "ory_at_"}}, {"handler": "bearer_token"}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "patterns-owner", "match": {"url": "http://patterns.it.test/accounts/<[^/]+>", "methods": ["GET"]},
                   "authenticators": [%1$s], "authorizer": {"handler": "owner", "config": {"capture_group": 0}},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
                ]
                """.formatted(jwt), "patterns-owner");
    }

    /** A signed-up identity with its session token; an admin's {@code metadata_public.roles} holds {@code admin}. */
    record Person(String id, String sessionToken) {
        static Person signUp(boolean admin) {
            DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();
            if (admin) {
                Http.Response r = Http.method("PATCH", "/admin/identities/" + me.id()).admin()
                        .json("[{\"op\":\"add\",\"path\":\"/metadata_public\",\"value\":{\"roles\":[\"admin\"]}}]").send();
                assertEquals(200, r.status(), r.toString());
            }
            return new Person(me.id(), me.token());
        }

        /** An access token of a fresh client, as a relying party gets it for this person through the browser. */
        String accessToken(String strategy) {
            AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().accessTokenStrategy(strategy).create();
            TestBrowser browser = new TestBrowser();
            Authorizations.Started started = Authorizations.request(client);
            String afterLogin = Authorizations.acceptLogin(Authorizations.loginChallenge(browser, started),
                    "{\"subject\":\"" + id + "\"}");
            return Authorizations.redeemedAccessToken(client, started, Authorizations.location(browser.get(afterLogin)));
        }
    }

    private static Http.Response demo(String path, String bearer) {
        return Http.get("/demo/api" + path).header("Authorization", "Bearer " + bearer).header("X-User", "forged").send();
    }

    private static Http.Response decision(String path, String bearer) {
        return GatewayRules.decision("GET", HOST, path).header("Authorization", "Bearer " + bearer).send();
    }

    @Test
    void adminOnlyWhenSessionOfAdminThenServedElseForbidden() {
        Person admin = Person.signUp(true);
        Person user = Person.signUp(false);

        Http.Response served = demo("/admin", admin.sessionToken());

        assertEquals(200, served.status(), served.toString());
        assertEquals(admin.id(), served.jsonObject().getString("x_user"));
        assertEquals(403, demo("/admin", user.sessionToken()).status());
    }

    @Test
    void adminOnlyWhenOpaqueAccessTokenOfAdminThenServedElseForbidden() {
        Person admin = Person.signUp(true);
        Person user = Person.signUp(false);
        String adminToken = admin.accessToken("opaque");
        assertTrue(adminToken.startsWith("ory_at_"), adminToken);

        Http.Response served = demo("/admin", adminToken);

        assertEquals(200, served.status(), served.toString());
        assertEquals(admin.id(), served.jsonObject().getString("x_user"));
        assertEquals(403, demo("/admin", user.accessToken("opaque")).status());
        assertEquals(401, demo("/admin", "ory_at_not-issued-by-us").status());
    }

    @Test
    void ownerOnlyWhenOpaqueAccessTokenThenOwnAccountServedOthersForbidden() {
        Person me = Person.signUp(false);
        Person other = Person.signUp(false);
        String token = me.accessToken("opaque");

        Http.Response mine = demo("/accounts/" + me.id(), token);

        assertEquals(200, mine.status(), mine.toString());
        assertEquals(me.id(), mine.jsonObject().getString("x_user"));
        assertEquals(403, demo("/accounts/" + other.id(), token).status());
    }

    @Test
    void ownerOnlyWhenSessionThenOwnAccountServedOthersForbidden() {
        Person me = Person.signUp(false);
        Person other = Person.signUp(false);

        assertEquals(200, demo("/accounts/" + me.id(), me.sessionToken()).status());
        assertEquals(403, demo("/accounts/" + other.id(), me.sessionToken()).status());
    }

    @Test
    void adminOnlyWhenJwtAccessTokenOfAdminThenAllowedElseForbidden() {
        Person admin = Person.signUp(true);
        Person user = Person.signUp(false);
        String adminJwt = admin.accessToken("jwt");
        assertEquals(3, adminJwt.split("\\.").length, adminJwt);

        Http.Response allowed = decision("/admin/reports", adminJwt);

        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(admin.id(), allowed.header("X-User"));
        assertEquals(403, decision("/admin/reports", user.accessToken("jwt")).status());
    }

    @Test
    void ownerOnlyWhenJwtAccessTokenThenOwnAccountAllowedOthersForbidden() {
        Person me = Person.signUp(false);
        Person other = Person.signUp(false);
        String jwt = me.accessToken("jwt");

        Http.Response mine = decision("/accounts/" + me.id(), jwt);

        assertEquals(200, mine.status(), mine.toString());
        assertEquals(me.id(), mine.header("X-User"));
        assertEquals(403, decision("/accounts/" + other.id(), jwt).status());
    }

    @Test
    void signedInWhenCredentialsOfOneTenantShownToAnotherThenUnauthorizedThere() {
        Person me = Person.signUp(false);
        String token = me.accessToken("opaque");

        for (String credential : List.of(token, me.sessionToken())) {
            Http.Response home = decision("/me", credential);
            Http.Response elsewhere = Http.get("/t/acme/decisions/me").header("X-Forwarded-Method", "GET")
                    .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", HOST).header("X-Forwarded-Uri", "/me")
                    .header("Authorization", "Bearer " + credential).send();

            assertEquals(200, home.status(), home.toString());
            assertEquals(me.id(), home.header("X-User"));
            assertEquals(401, elsewhere.status(), elsewhere.toString());
            assertNull(elsewhere.header("X-User"));
        }
    }

    @Test
    void jwtWhenTamperedThenUnauthorized() {
        String jwt = Person.signUp(true).accessToken("jwt");
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertEquals(401, decision("/admin/reports", tampered).status());
    }
}
