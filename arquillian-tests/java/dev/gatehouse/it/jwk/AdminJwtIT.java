package dev.gatehouse.it.jwk;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestNode;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API accepts JWT access tokens Gatehouse issued itself, and nothing else but
 * the admin key. Tokens are minted with the tenant's real {@code hydra.jwt.access-token} keys on a second node
 * ({@link JwkTestServlet}), as the token server will mint them for a client_credentials grant.
 */
@ExtendWith(ItServerReady.class)
class AdminJwtIT {

    private static final String ACCESS = "hydra.jwt.access-token";
    private static final String PROTECTED = "/admin/keys/" + ACCESS;

    private final URL nodeUrl = TestNode.url();

    private static JsonObjectBuilder claims(String prefix) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder()
                .add("iss", KeyTests.issuer(prefix))
                .add("sub", "admin-client")
                .add("client_id", "admin-client")
                .add("aud", Json.createArrayBuilder())
                .add("scope", "openid gatehouse:admin")
                .add("iat", now)
                .add("exp", now + 300)
                .add("jti", java.util.UUID.randomUUID().toString());
    }

    private String mint(String prefix, JsonObjectBuilder claims) {
        return new JwkNode(nodeUrl).sign(prefix, ACCESS, claims.build().toString());
    }

    private static Http.Response call(String path, String token) {
        return Http.get(path).header("Authorization", "Bearer " + token).send();
    }

    private static void assertRefused(int status, Http.Response r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
        assertTrue(!r.body().contains("\"keys\""), "nothing served: " + r.body());
    }

    @Test
    void adminWhenOwnAccessTokenWithAdminScopeThenServed() {
        String token = mint("", claims(""));

        Http.Response keys = call(PROTECTED, token);
        Http.Response tenants = call("/admin/tenants", token);

        assertEquals(200, keys.status(), keys.toString());
        assertTrue(keys.body().contains("\"keys\""), keys.body());
        assertEquals(200, tenants.status(), tenants.toString());
    }

    @Test
    void adminWhenHydraScpArrayClaimThenServed() {
        JsonObjectBuilder c = claims("").remove("scope").add("scp", Json.createArrayBuilder().add("gatehouse:admin"));

        assertEquals(200, call(PROTECTED, mint("", c)).status());
    }

    @Test
    void adminWhenTokenExpiredThen401() {
        long past = Instant.now().getEpochSecond() - 60;

        assertRefused(401, call(PROTECTED, mint("", claims("").add("iat", past - 300).add("exp", past))));
    }

    @Test
    void adminWhenTokenWithoutExpThen401() {
        assertRefused(401, call(PROTECTED, mint("", claims("").remove("exp"))));
    }

    @Test
    void adminWhenTokenNotYetValidThen401() {
        assertRefused(401, call(PROTECTED, mint("", claims("").add("nbf", Instant.now().getEpochSecond() + 120))));
    }

    @Test
    void adminWhenWrongIssuerThen401() {
        assertRefused(401, call(PROTECTED, mint("", claims("").add("iss", "https://evil.example"))));
        assertRefused(401, call(PROTECTED, mint("", claims("").add("iss", KeyTests.issuer("") + "/"))));
    }

    @Test
    void adminWhenScopeLacksAdminThen403InsufficientScope() {
        Http.Response none = call(PROTECTED, mint("", claims("").add("scope", "openid profile")));
        Http.Response lookalike = call(PROTECTED, mint("", claims("").add("scope", "gatehouse:admins gatehouse:admin:read")));

        assertRefused(403, none);
        assertTrue(none.header("WWW-Authenticate").contains("insufficient_scope"), none.header("WWW-Authenticate"));
        assertRefused(403, lookalike);
        assertRefused(403, call(PROTECTED, mint("", claims("").remove("scope"))));
    }

    @Test
    void adminWhenAlgNoneThen401() {
        JwkNode node = new JwkNode(nodeUrl);
        String body = claims("").build().toString();

        assertRefused(401, call(PROTECTED, node.forge("", ACCESS, "none", body)));
        assertRefused(401, call(PROTECTED, node.forge("", ACCESS, "none-with-kid", body)));
    }

    @Test
    void adminWhenHs256SignedWithOurPublicKeyThen401() {
        String forged = new JwkNode(nodeUrl).forge("", ACCESS, "hs256-public-key", claims("").build().toString());

        assertRefused(401, call(PROTECTED, forged));
    }

    @Test
    void adminWhenSignatureTamperedThen401() {
        String token = mint("", claims("").add("scope", "openid"));
        String[] parts = token.split("\\.");
        String elevated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("").build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertRefused(401, call(PROTECTED, parts[0] + "." + elevated + "." + parts[2]));
    }

    @Test
    void adminWhenIdTokenInsteadOfAccessTokenThen401() {
        String idToken = new JwkNode(nodeUrl).sign("", "hydra.openid.id-token", claims("").build().toString());

        assertRefused(401, call(PROTECTED, idToken));
    }

    @Test
    void adminWhenAnotherTenantsTokenThen401HereButServedThere() {
        String tenant = KeyTests.newTenant();
        String prefix = "/t/" + tenant;
        String theirs = mint(prefix, claims(prefix));

        assertRefused(401, call(PROTECTED, theirs));
        // with our issuer but their key: still refused (their kid is unknown here)
        assertRefused(401, call(PROTECTED, mint(prefix, claims(""))));
        assertEquals(200, call(prefix + PROTECTED, theirs).status());
    }

    @Test
    void adminWhenTenantTokenOnCrossTenantApiThen403() {
        String tenant = KeyTests.newTenant();
        String prefix = "/t/" + tenant;

        assertRefused(403, call(prefix + "/admin/tenants", mint(prefix, claims(prefix))));
    }

    @Test
    void adminWhenTenantTokenOnCrossTenantApiSpelledOtherwiseThenRefusedAndNothingCreated() {
        String tenant = KeyTests.newTenant();
        String prefix = "/t/" + tenant;
        String token = mint(prefix, claims(prefix));
        String claimed = "claimed-" + tenant;

        for (String spelling : List.of("/admin/tenant%73", "/admin/%74enants", "/admin;x=1/tenants", "/admin//tenants",
                "/admin/tenants;x=1", "/admin/./tenants")) {
            Http.Response list = call(prefix + spelling, token);
            assertTrue(list.status() >= 400 && list.status() < 500, spelling + " -> " + list);
            Http.Response create = Http.post(prefix + spelling).header("Authorization", "Bearer " + token)
                    .json("{\"id\":\"" + claimed + "\",\"hosts\":[\"" + claimed + ".example\"]}").send();
            assertTrue(create.status() >= 400 && create.status() < 500, spelling + " -> " + create);
        }
        assertEquals(404, Http.get("/admin/tenants/" + claimed).admin().send().status());
    }

    @Test
    void adminWhenRefusedTokenOnWriteThenNothingWritten() {
        String set = KeyTests.newSet();
        String noScope = mint("", claims("").add("scope", "openid"));

        Http.Response r = Http.post("/admin/keys/" + set).header("Authorization", "Bearer " + noScope)
                .json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send();

        assertRefused(403, r);
        assertEquals(404, Http.get("/admin/keys/" + set).admin().send().status());
    }
}
