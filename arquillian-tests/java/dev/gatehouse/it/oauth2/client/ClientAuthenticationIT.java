package dev.gatehouse.it.oauth2.client;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestNode;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.oauth2.client.ItClients.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client authentication as the token endpoint will use it, driven by the Nimbus OAuth SDK's token requests and
 * client authentication methods against {@link ClientAuthTestServlet} in a second copy of the application (a
 * second node), behind the real tenant filter and with the real database.
 */
@ExtendWith(ItServerReady.class)
class ClientAuthenticationIT {

    private static final String REDIRECT = "'redirect_uris':['https://app.example/cb']";
    /** gatehouse.oauth2.client.cache-ttl of the test server, with a margin. */
    private static final java.time.Duration CLIENT_CACHE_BOUND = java.time.Duration.ofSeconds(3);

    private final URL node = TestNode.url();

    private URI endpoint(String prefix) {
        return URI.create(node.toString().replaceAll("/$", "") + prefix + "/it-client-auth");
    }

    private HTTPResponse send(String prefix, ClientAuthentication auth) throws Exception {
        return new TokenRequest(endpoint(prefix), auth, new ClientCredentialsGrant(), null).toHTTPRequest().send();
    }

    private HTTPResponse sendPublic(String prefix, String clientId) throws Exception {
        // a public client names itself, as in a code exchange with PKCE
        return new TokenRequest(endpoint(prefix), new ClientID(clientId), new AuthorizationCodeGrant(new AuthorizationCode("code"),
                URI.create("https://app.example/cb"), new CodeVerifier())).toHTTPRequest().send();
    }

    private static void assertAuthenticated(String clientId, HTTPResponse r) throws Exception {
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(clientId, r.getBodyAsJSONObject().get("client_id"));
    }

    private static void assertInvalidClient(HTTPResponse r) throws Exception {
        assertEquals(401, r.getStatusCode(), r.getBody());
        assertEquals("invalid_client", r.getBodyAsJSONObject().get("error"));
    }

    @Test
    void basicWhenSecretRightThenClientElseInvalidClientWithBasicChallenge() throws Exception {
        JsonObject c = created("", "{" + REDIRECT + "}");
        ClientID id = new ClientID(c.getString("client_id"));

        assertAuthenticated(id.getValue(), send("", new ClientSecretBasic(id, new Secret(c.getString("client_secret")))));
        HTTPResponse wrong = send("", new ClientSecretBasic(id, new Secret(c.getString("client_secret") + "x")));
        assertInvalidClient(wrong);
        assertTrue(wrong.getHeaderValue("WWW-Authenticate").startsWith("Basic"), wrong.getHeaderMap().toString());
        assertInvalidClient(send("", new ClientSecretPost(id, new Secret(c.getString("client_secret")))));
    }

    @Test
    void postWhenRegisteredForPostThenClient() throws Exception {
        JsonObject c = created("", "{" + REDIRECT + ",'token_endpoint_auth_method':'client_secret_post'}");
        ClientID id = new ClientID(c.getString("client_id"));

        assertAuthenticated(id.getValue(), send("", new ClientSecretPost(id, new Secret(c.getString("client_secret")))));
        assertInvalidClient(send("", new ClientSecretBasic(id, new Secret(c.getString("client_secret")))));
    }

    @Test
    void noneWhenPublicClientThenClientButConfidentialClientWithoutSecretRefused() throws Exception {
        String publicId = created("", "{" + REDIRECT + ",'token_endpoint_auth_method':'none'}").getString("client_id");
        String confidentialId = created("", "{" + REDIRECT + "}").getString("client_id");

        assertAuthenticated(publicId, sendPublic("", publicId));
        assertInvalidClient(sendPublic("", confidentialId));
    }

    @Test
    void secretWhenClientReplacedWithoutSecretThenKeptAndWithNewSecretThenOldOneFails() throws Exception {
        JsonObject c = created("", "{" + REDIRECT + "}");
        ClientID id = new ClientID(c.getString("client_id"));
        Secret original = new Secret(c.getString("client_secret"));

        Http.method("PUT", "/admin/clients/" + id).admin().json("{\"client_name\":\"renamed\",\"redirect_uris\":[\"https://app.example/cb\"]}").send();
        assertAuthenticated(id.getValue(), send("", new ClientSecretBasic(id, original)));

        Secret replaced = new Secret("a-replacement-secret-long-enough-0123456789");
        Http.method("PUT", "/admin/clients/" + id).admin().json("{\"client_secret\":\"" + replaced.getValue()
                + "\",\"redirect_uris\":[\"https://app.example/cb\"]}").send();
        // the servlet runs in a second copy of the application: its copy of the client lives 1 s in these tests
        HTTPResponse old = send("", new ClientSecretBasic(id, original));
        for (long deadline = System.nanoTime() + CLIENT_CACHE_BOUND.toNanos(); old.getStatusCode() == 200 && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            old = send("", new ClientSecretBasic(id, original));
        }
        assertInvalidClient(old);
        assertAuthenticated(id.getValue(), send("", new ClientSecretBasic(id, replaced)));
    }

    /** POST /oauth2/token with grant_type=client_credentials, as a shell script would send it. */
    private static Http.Response token(String basicUser, String basicSecret, String form) {
        Http request = Http.post("/oauth2/token");
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basicUser + ":" + basicSecret).getBytes(StandardCharsets.UTF_8)));
        }
        return request.body("application/x-www-form-urlencoded", ("grant_type=client_credentials&" + form)
                .getBytes(StandardCharsets.UTF_8)).send();
    }

    private static String storedSecretHash(String clientId) throws Exception {
        ItServer s = ItServer.get();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
             PreparedStatement q = c.prepareStatement("SELECT secret_hash FROM oauth2_client WHERE tenant_id = 'default' AND client_id = ?")) {
            q.setString(1, clientId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), clientId);
                return rs.getString(1);
            }
        }
    }

    @Test
    void tokenWhenHydraScriptRegisteredClientCredentialsClientWithSevenCharacterSecretThenBasicAndPostGetTokens() throws Exception {
        // what scripts written for Hydra send: the CLI's default response type and a short chosen secret
        String basicId = created("", "{'client_id':'hydra-basic-" + UUID.randomUUID() + "','client_secret':'secret7',"
                + "'grant_types':['client_credentials'],'response_types':['code'],'scope':'read',"
                + "'token_endpoint_auth_method':'client_secret_basic'}").getString("client_id");
        String postId = created("", "{'client_id':'hydra-post-" + UUID.randomUUID() + "','client_secret':'secret7',"
                + "'grant_types':['client_credentials'],'response_types':['token'],'scope':'read',"
                + "'token_endpoint_auth_method':'client_secret_post'}").getString("client_id");

        Http.Response basic = token(basicId, "secret7", "scope=read");
        Http.Response post = token(null, null, "scope=read&client_id=" + postId + "&client_secret=secret7");

        assertEquals(200, basic.status(), basic.toString());
        assertTrue(basic.jsonObject().getString("access_token").startsWith("ory_at_"), basic.body());
        assertEquals("read", basic.jsonObject().getString("scope"));
        assertEquals(200, post.status(), post.toString());
        assertTrue(post.jsonObject().getString("access_token").startsWith("ory_at_"), post.body());
        for (Http.Response wrong : List.of(token(basicId, "secret8", ""), token(basicId, "secret7x", ""),
                token(null, null, "client_id=" + postId + "&client_secret=Secret7"))) {
            assertEquals(401, wrong.status(), wrong.toString());
            assertEquals("invalid_client", wrong.jsonObject().getString("error"));
        }
        assertTrue(storedSecretHash(basicId).startsWith("$argon2id$"), "a short chosen secret is hashed slowly");
    }

    @Test
    void secretWhenReplacedWithShortOneThenOnlyItWorksAndGeneratedSecretsKeepTheFastHash() throws Exception {
        JsonObject c = created("", "{'grant_types':['client_credentials']}");
        String id = c.getString("client_id");
        assertTrue(storedSecretHash(id).matches("[0-9a-f]{64}"), "a generated secret is kept as an HMAC");

        Http.Response put = Http.method("PUT", "/admin/clients/" + id).admin()
                .json("{\"grant_types\":[\"client_credentials\"],\"client_secret\":\"hunter2\"}").send();

        assertEquals(200, put.status(), put.toString());
        assertEquals("hunter2", put.jsonObject().getString("client_secret"));
        assertEquals(401, token(id, c.getString("client_secret"), "").status());
        assertEquals(200, token(id, "hunter2", "").status());
        assertTrue(storedSecretHash(id).startsWith("$argon2id$"));
    }

    @Test
    void privateKeyJwtWhenSignedByRegisteredKeyThenClientOnceAndReplayRefused() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("it-key").generate();
        String id = created("", "{'grant_types':['client_credentials'],'token_endpoint_auth_method':'private_key_jwt','jwks':"
                + new JWKSet(key.toPublicJWK()).toString().replace('"', '\'') + "}").getString("client_id");
        PrivateKeyJWT assertion = new PrivateKeyJWT(new ClientID(id), URI.create(issuer("") + "/oauth2/token"),
                JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null);

        assertAuthenticated(id, send("", assertion));
        assertInvalidClient(send("", assertion));
        assertAuthenticated(id, send("", new PrivateKeyJWT(new ClientID(id), URI.create(issuer("")),
                JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null)));
    }

    @Test
    void authenticateWhenClientOfAnotherTenantThenInvalidClientAndLookupFindsNothing() throws Exception {
        JsonObject c = created("/t/acme", "{" + REDIRECT + "}");
        ClientID id = new ClientID(c.getString("client_id"));
        ClientSecretBasic auth = new ClientSecretBasic(id, new Secret(c.getString("client_secret")));

        assertAuthenticated(id.getValue(), send("/t/acme", auth));
        assertInvalidClient(send("", auth));
        assertEquals(200, lookup("/t/acme", id.getValue()));
        assertEquals(404, lookup("", id.getValue()));
    }

    @Test
    void authenticateWhenClientDeletedThenInvalidClient() throws Exception {
        JsonObject c = created("", "{" + REDIRECT + "}");
        ClientSecretBasic auth = new ClientSecretBasic(new ClientID(c.getString("client_id")), new Secret(c.getString("client_secret")));
        Http.method("DELETE", "/admin/clients/" + c.getString("client_id")).admin().send();

        assertInvalidClient(send("", auth));
    }

    private String issuer(String prefix) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint(prefix) + "/issuer")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int lookup(String prefix, String clientId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint(prefix) + "?client_id=" + clientId)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
