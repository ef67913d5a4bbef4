package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oathkeeper options on the handlers that call an OAuth 2.0 server: {@code oauth2_introspection}'s
 * {@code introspection_request_headers}, {@code preserve_host} and {@code pre_authorization.audience}, and
 * {@code oauth2_client_credentials}' {@code cache.enabled: false} and default {@code token_url}.
 */
class RemoteTokenOptionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();

    private final RemoteCalls remote = new RemoteCalls() {
        @Override
        public Reply call(String method, URI uri, Map<String, String> headers, String body) {
            sentHeaders.add(Map.copyOf(headers));
            sentBodies.add(body);
            if (uri.getPath().endsWith("/token")) {
                return new Reply(200, "{\"access_token\": \"at-1\", \"expires_in\": 3600}", Map.of());
            }
            return new Reply(200, "{\"active\": true, \"sub\": \"client-1\", \"exp\": " + T0.plusSeconds(3600).getEpochSecond()
                    + ", \"token_type\": \"Bearer\"}", Map.of());
        }
    };

    private ClientCredentialsExchange exchange() {
        ClientCredentialsExchange e = new ClientCredentialsExchange();
        e.remote = remote;
        e.clock = clock;
        e.hasher = new TokenHasher() {
            @Override
            public String hash(String token) {
                return "h:" + token;
            }
        };
        e.createCache();
        return e;
    }

    private static GatewayRequest request() {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "https", "api.test", "/orders"), "",
                Map.of("Authorization", List.of("Bearer opaque-token")), Map.of(), "127.0.0.1", "https://api.test");
    }

    @Test
    void authenticateWhenIntrospectionRequestHeadersAndPreserveHostThenTheIntrospectionCallCarriesThem() {
        IntrospectionAuthenticator a = new IntrospectionAuthenticator();
        a.remote = remote;
        a.clock = clock;
        a.exchange = exchange();
        String config = """
                {"introspection_url": "https://auth.test/introspect", "preserve_host": true,
                 "introspection_request_headers": {"X-Api-Key": "k-1"},
                 "pre_authorization": {"enabled": true, "client_id": "gw", "client_secret": "s",
                   "token_url": "https://auth.test/token", "audience": "https://auth.test/introspect"}}""";

        assertTrue(a.bind(JsonText.readObject(config)).authenticate(request(), new AuthenticationSession(List.of(), "https://api.test/orders", "GET")));

        assertTrue(sentBodies.get(0).contains("audience=https%3A%2F%2Fauth.test%2Fintrospect"), sentBodies.get(0));
        Map<String, String> introspection = sentHeaders.get(1);
        assertEquals("k-1", introspection.get("X-Api-Key"));
        assertEquals("api.test", introspection.get("X-Forwarded-Host"));
        assertEquals("Bearer at-1", introspection.get("Authorization"));
    }

    @Test
    void exchangeWhenCacheDisabledThenEveryRequestAsksTheTokenEndpoint() {
        ClientCredentialsExchange e = exchange();
        var off = ExchangeConfig.parse(JsonText.readObject("{\"token_url\": \"https://auth.test/token\", \"cache\": {\"enabled\": false}}"));
        var on = ExchangeConfig.parse(JsonText.readObject("{\"token_url\": \"https://auth.test/token\"}"));

        e.exchange(request(), off, "Basic x", List.of());
        e.exchange(request(), off, "Basic x", List.of());
        int uncached = sentBodies.size();
        e.exchange(request(), on, "Basic y", List.of());
        e.exchange(request(), on, "Basic y", List.of());

        assertEquals(2, uncached);
        assertEquals(3, sentBodies.size(), "the default still caches");
        assertFalse(sentBodies.get(0).contains("audience"), "no audience unless configured");
    }

    @Test
    void exchangeWhenNoTokenUrlThenCredentialsGoToTheIssuersTokenEndpointNotTheHostTheCallerNamed() {
        List<URI> asked = new ArrayList<>();
        ClientCredentialsExchange e = exchange();
        e.remote = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                asked.add(uri);
                return new Reply(200, "{\"access_token\": \"at-1\", \"expires_in\": 3600}", Map.of());
            }
        };
        GatewayRequest forwardedElsewhere = new GatewayRequest(TenantId.DEFAULT,
                RequestTarget.of("GET", "https", "attacker.test", "/orders"), "",
                Map.of("X-Forwarded-Host", List.of("attacker.test")), Map.of(), "127.0.0.1", "https://gatehouse.test/t/acme");

        e.exchange(forwardedElsewhere, ExchangeConfig.parse(JsonText.readObject("{}")), "Basic x", List.of());

        assertEquals(List.of(URI.create("https://gatehouse.test/t/acme/oauth2/token")), asked);
    }
}
