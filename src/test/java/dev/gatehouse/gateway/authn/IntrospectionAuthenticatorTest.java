package dev.gatehouse.gateway.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.port.LocalIntrospection;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process path of {@code oauth2_introspection} with a stand-in token store: checks and cache bounds. */
class IntrospectionAuthenticatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private int introspections;
    private String askedIssuer;
    private JsonObject answer;
    private IntrospectionAuthenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new IntrospectionAuthenticator();
        authenticator.clock = clock;
        authenticator.hasher = new TokenHasher() {
            @Override
            public String hash(String token) {
                return "h:" + token;
            }
        };
        authenticator.introspection = new LocalIntrospection() {
            @Override
            public String issuer(HttpServletRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JsonObject introspect(TenantId tenant, String value, String issuer) {
                introspections++;
                askedIssuer = issuer;
                return answer;
            }
        };
        answer = active(T0.plusSeconds(3600), "read");
    }

    /** What the token server answers for a token that is not live. */
    private static JsonObject inactive() {
        return Json.createObjectBuilder().add("active", false).build();
    }

    private static JsonObject active(Instant exp, String scope) {
        return Json.createObjectBuilder().add("active", true).add("sub", "client-1").add("scope", scope)
                .add("exp", exp.getEpochSecond()).add("iss", "http://api.test").add("token_use", "access_token")
                .add("token_type", "Bearer").build();
    }

    private String authenticate(String config) {
        return authenticate(authenticator.bind(JsonText.readObject(config)));
    }

    private static String authenticate(Authenticator.Bound authenticator) {
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/x"), "",
                Map.of("Authorization", List.of("Bearer tok")), Map.of(), "127.0.0.1", "http://gatehouse.test/t/acme");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/x", "GET");
        authenticator.authenticate(request, session);
        return session.subject();
    }

    @Test
    void activeTokenAuthenticatesAsItsSubject() {
        assertEquals("client-1", authenticate("{}"));
    }

    @Test
    void extraIsTheTokensExtWithUsernameClientScopeAndAudienceAsOathkeeperSetsIt() {
        JsonObject introspected = Json.createObjectBuilder(active(T0.plusSeconds(60), "read write"))
                .add("client_id", "app").add("aud", Json.createArrayBuilder().add("https://api.test"))
                .add("ext", Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("admin"))).build();

        JsonObject extra = IntrospectionAuthenticator.extra(introspected);

        assertEquals(Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("admin")).add("username", "")
                .add("client_id", "app").add("scope", "read write").add("aud", Json.createArrayBuilder().add("https://api.test"))
                .build(), extra);
    }

    @Test
    void tokenWithoutTheConfiguredPrefixIsLeftToTheNextAuthenticator() {
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/x"), "",
                Map.of("Authorization", List.of("Bearer tok")), Map.of(), "127.0.0.1", "http://gatehouse.test/t/acme");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/x", "GET");

        boolean responsible = authenticator.bind(JsonText.readObject("{\"prefix\": \"ory_at_\"}")).authenticate(request, session);

        assertEquals(false, responsible);
        assertEquals(0, introspections);
    }

    @Test
    void inProcessIntrospectionReportsTheIssuerOfTheRequestThatReachedGatehouseNotTheTargetHost() {
        authenticate("{}");

        assertEquals("http://gatehouse.test/t/acme", askedIssuer);
    }

    @Test
    void inactiveTokenIsUnauthorized() {
        answer = inactive();

        GatewayException e = assertThrows(GatewayException.class, () -> authenticate("{}"));
        assertEquals(ErrorKind.UNAUTHORIZED, e.kind());
    }

    @Test
    void missingRequiredScopeOrUntrustedIssuerOrAudienceIsForbidden() {
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(GatewayException.class,
                () -> authenticate("{\"required_scope\": [\"write\"]}")).kind());
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(GatewayException.class,
                () -> authenticate("{\"target_audience\": [\"https://elsewhere.test\"]}")).kind());
        assertEquals(ErrorKind.FORBIDDEN, assertThrows(GatewayException.class,
                () -> authenticate("{\"trusted_issuers\": [\"https://other.test\"]}")).kind());
    }

    @Test
    void withoutCacheEveryDecisionIntrospectsSoARevocationCountsAtOnce() {
        authenticate("{}");
        answer = inactive();

        assertThrows(GatewayException.class, () -> authenticate("{}"));
        assertEquals(2, introspections);
    }

    @Test
    void cachedAnswerIsReusedWithinTtlAndDroppedAfterIt() {
        String config = "{\"cache\": {\"enabled\": true, \"ttl\": \"10s\"}}";
        authenticate(config);
        clock.now = T0.plusSeconds(9);
        authenticate(config);
        assertEquals(1, introspections);

        clock.now = T0.plusSeconds(10);
        answer = inactive();
        assertThrows(GatewayException.class, () -> authenticate(config));
        assertEquals(2, introspections);
    }

    @Test
    void cachedAnswerNeverOutlivesTheTokensExp() {
        answer = active(T0.plusSeconds(5), "read");
        String config = "{\"cache\": {\"enabled\": true, \"ttl\": \"1h\"}}";
        authenticate(config);

        clock.now = T0.plusSeconds(5);
        answer = inactive();
        assertThrows(GatewayException.class, () -> authenticate(config));
        assertEquals(2, introspections);
    }

    @Test
    void bindWhenScopeStrategyNoneWithRequiredScopeAndNoIntrospectionUrlThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> authenticator.bind(
                JsonText.readObject("{\"scope_strategy\": \"none\", \"required_scope\": [\"write\"]}")));

        assertTrue(e.getMessage().contains("scope_strategy none"), e.getMessage());
        authenticator.bind(JsonText.readObject("{\"scope_strategy\": \"none\", \"required_scope\": [\"write\"], "
                + "\"introspection_url\": \"https://auth.test/introspect\"}"));
        authenticator.bind(JsonText.readObject("{\"scope_strategy\": \"none\"}"));
    }

    @Test
    void authenticateWhenScopeStrategyNoneWithRequiredScopeInProcessThenForbiddenRatherThanUnchecked() {
        // the config the parser refuses ({"scope_strategy": "none", "required_scope": ["write"]}), as if it got past it
        IntrospectionConfig none = IntrospectionConfig.parse(JsonText.readObject("{\"scope_strategy\": \"none\"}"));
        IntrospectionConfig unchecked = new IntrospectionConfig(none.tokenFrom(), none.introspectionUrl(), none.scopeStrategy(),
                List.of("write"), none.targetAudience(), none.trustedIssuers(), none.requestHeaders(), none.preserveHost(),
                none.cache(), none.preAuthorization());

        GatewayException e = assertThrows(GatewayException.class, () -> authenticate(authenticator.bind(unchecked)));

        assertEquals(ErrorKind.FORBIDDEN, e.kind());
    }

    @Test
    void authenticateWhenCachedAnswerWasForARuleWithoutScopesThenARuleRequiringScopesAsksTheEndpointAgain() {
        List<String> bodies = new ArrayList<>();
        authenticator.remote = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                bodies.add(body);
                // the endpoint checks the scope it is sent: this token does not hold "admin"
                JsonObject reply = body.contains("scope=admin") ? inactive() : answer;
                return new Reply(200, reply.toString(), Map.of());
            }
        };
        String cached = "\"introspection_url\": \"https://auth.test/introspect\", \"scope_strategy\": \"none\", "
                + "\"cache\": {\"enabled\": true, \"ttl\": \"1h\"}";
        authenticate("{" + cached + "}");

        GatewayException e = assertThrows(GatewayException.class,
                () -> authenticate("{" + cached + ", \"required_scope\": [\"admin\"]}"));

        assertEquals(ErrorKind.UNAUTHORIZED, e.kind());
        assertEquals(List.of("token=tok", "token=tok&scope=admin"), bodies);
        authenticate("{" + cached + "}");
        assertEquals(2, bodies.size(), "the answer for the rule without scopes is still cached");
    }
}
