package dev.gatehouse.it.gateway;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code oauth2_introspection} against a remote RFC 7662 endpoint — our own Hydra-compatible
 * {@code /admin/oauth2/introspect}, which wants an admin credential — with {@code pre_authorization} fetching the
 * gateway's client_credentials JWT from our own {@code /oauth2/token}; and the caches of that exchange, of
 * introspection answers and of {@code oauth2_client_credentials}. Both endpoints are reached through a
 * {@link CountingRelay}, so the tests see how often the gateway really calls them.
 */
@ExtendWith(ItServerReady.class)
class RemoteIntrospectionIT {

    static final String HOST = "remote-introspect.it.test";
    static final String TOKEN = "/oauth2/token";
    static final String INTROSPECT = "/admin/oauth2/introspect";

    static CountingRelay relay;

    @BeforeAll
    static void install() {
        relay = new CountingRelay();
        TestClient gateway = TestClients.jwtStrategy().scope("gatehouse:admin").create();
        // the first JWT of the signing key set is issued here, not under the gateway's 1 s remote timeout
        GatewayTokens.clientCredentials(gateway, "", "gatehouse:admin", null);
        GatewayRules.install("remote-introspection-it.json", rules(gateway), "remote-cc");
    }

    @AfterAll
    static void remove() {
        GatewayRules.delete("remote-introspection-it.json");
        relay.close();
    }

    static String rules(TestClient gateway) {
        JsonObject introspection = Json.createObjectBuilder()
                .add("introspection_url", relay.url(INTROSPECT))
                .add("required_scope", Json.createArrayBuilder().add("read"))
                .add("pre_authorization", Json.createObjectBuilder().add("enabled", true).add("client_id", gateway.id())
                        .add("client_secret", gateway.secret()).add("token_url", relay.url(TOKEN))
                        .add("scope", Json.createArrayBuilder().add("gatehouse:admin")))
                .build();
        JsonObject cached = Json.createObjectBuilder(introspection)
                .add("cache", Json.createObjectBuilder().add("enabled", true).add("ttl", "1m")).build();
        return """
                [
                  {"id": "remote-live", "match": {"url": "http://remote-introspect.it.test/live/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_introspection", "config": %1$s}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "remote-cached", "match": {"url": "http://remote-introspect.it.test/cached/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_introspection", "config": %2$s}],
                   "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
                  {"id": "remote-cc", "match": {"url": "http://remote-introspect.it.test/cc/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_client_credentials", "config": {"token_url": "%3$s",
                        "required_scope": ["read"]}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
                ]
                """.formatted(introspection, cached, relay.url(TOKEN));
    }

    private static TestClient caller() {
        return TestClients.confidential().scope("read").create();
    }

    private static Http.Response decide(String uri, String authorization) {
        return GatewayRules.decision("GET", HOST, uri).header("Authorization", authorization).send();
    }

    @Test
    void remoteIntrospectionWhenPreAuthorizedThenLiveTokenAdmittedGatewayTokenReusedAndRevokedTokenDenied() {
        TestClient caller = caller();
        AccessToken token = GatewayTokens.clientCredentials(caller, "", "read", null);

        Http.Response first = decide("/live/orders", "Bearer " + token.getValue());
        assertEquals(200, first.status(), first.toString());
        assertEquals(caller.id(), first.header("X-User"));
        int tokenCalls = relay.count(TOKEN);
        int introspections = relay.count(INTROSPECT);

        Http.Response second = decide("/live/orders", "Bearer " + token.getValue());
        assertEquals(200, second.status(), second.toString());
        assertEquals(tokenCalls, relay.count(TOKEN), "the gateway's own access token was reused");
        assertEquals(introspections + 1, relay.count(INTROSPECT), "without cache every decision asks the endpoint");

        GatewayTokens.revoke(caller, token);
        Http.Response revoked = decide("/live/orders", "Bearer " + token.getValue());
        assertEquals(401, revoked.status(), revoked.toString());
        assertNull(revoked.header("X-User"));
    }

    @Test
    void remoteIntrospectionWhenCacheEnabledThenSecondDecisionAnsweredWithoutAskingAgain() {
        TestClient caller = caller();
        AccessToken token = GatewayTokens.clientCredentials(caller, "", "read", null);
        assertEquals(200, decide("/cached/orders", "Bearer " + token.getValue()).status());
        int introspections = relay.count(INTROSPECT);

        GatewayTokens.revoke(caller, token);
        Http.Response fromCache = decide("/cached/orders", "Bearer " + token.getValue());

        assertEquals(200, fromCache.status(), "the cached answer stands for its ttl: " + fromCache);
        assertEquals(introspections, relay.count(INTROSPECT), "the endpoint was not asked again");
        assertEquals(401, decide("/live/orders", "Bearer " + token.getValue()).status(), "the endpoint itself says revoked");
    }

    @Test
    void clientCredentialsWhenSameBasicAgainThenTokenEndpointNotCalledAgain() {
        TestClient caller = caller();
        String basic = GatewayTokens.basic(caller.id(), caller.secret());

        Http.Response first = decide("/cc/orders", basic);
        assertEquals(200, first.status(), first.toString());
        int tokenCalls = relay.count(TOKEN);
        Http.Response second = decide("/cc/orders", basic);

        assertEquals(200, second.status(), second.toString());
        assertEquals(caller.id(), second.header("X-User"));
        assertEquals(tokenCalls, relay.count(TOKEN), "the second decision was answered from the cache");
        assertEquals(401, decide("/cc/orders", GatewayTokens.basic(caller.id(), "wrong-secret")).status());
        assertEquals(tokenCalls + 1, relay.count(TOKEN), "other credentials are not served from that cache entry");
    }
}
