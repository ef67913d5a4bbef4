package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hydrator}'s {@code api.auth.basic}: Oathkeeper's credentials for the enrichment API are sent. */
class HydratorMutatorTest {

    private Map<String, String> sentHeaders;

    private HydratorMutator mutator() {
        HydratorMutator m = new HydratorMutator();
        m.remote = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                sentHeaders = Map.copyOf(headers);
                return new Reply(200, "{\"extra\": {\"plan\": \"gold\"}}", Map.of());
            }
        };
        return m;
    }

    private void mutate(String config) {
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/x"), "",
                Map.of(), Map.of(), "127.0.0.1", "http://api.test");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/x", "GET");
        session.subject("alice");
        mutator().bind(JsonText.readObject(config)).mutate(request, session);
        assertEquals("gold", session.extra().getString("plan"));
    }

    @Test
    void mutateWhenApiAuthBasicThenTheApiGetsBasicCredentials() {
        mutate("{\"api\": {\"url\": \"http://enrich.test/h\", \"auth\": {\"basic\": {\"username\": \"gw\", \"password\": \"p:w\"}}}}");

        String expected = "Basic " + Base64.getEncoder().encodeToString("gw:p:w".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, sentHeaders.get("Authorization"));
    }

    @Test
    void mutateWhenNoApiAuthThenNoAuthorizationHeader() {
        mutate("{\"api\": {\"url\": \"http://enrich.test/h\"}}");

        assertFalse(sentHeaders.containsKey("Authorization"));
    }

    @Test
    void bindWhenBasicLacksPasswordThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mutator().bind(
                JsonText.readObject("{\"api\": {\"url\": \"http://enrich.test/h\", \"auth\": {\"basic\": {\"username\": \"gw\"}}}}")));

        assertTrue(e.getMessage().contains("api.auth.basic"), e.getMessage());
    }
}
