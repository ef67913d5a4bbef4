package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code cookie}: one merged {@code Cookie} header in the session's headers, whatever the enforcement point. */
class CookieMutatorTest {

    private final GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/x"),
            "", Map.of("Cookie", List.of("theme=dark; gw_user=admin")), Map.of("theme", "dark", "gw_user", "admin"),
            "127.0.0.1", "http://api.test");
    private final AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/x", "GET");

    private void mutate(String cookies) {
        session.subject("alice");
        new CookieMutator().bind(JsonText.readObject("{\"cookies\": " + cookies + "}")).mutate(request, session);
    }

    @Test
    void mutateWhenClientSentCookiesThenSameNamedReplacedAndOthersKept() {
        mutate("{\"gw_user\": \"{{ print .Subject }}\"}");

        assertEquals("gw_user=alice; theme=dark", session.headers().get("Cookie"));
    }

    @Test
    void mutateWhenTwoCookieMutatorsThenTheSecondMergesOverTheFirst() {
        mutate("{\"gw_user\": \"{{ print .Subject }}\", \"a\": \"1\"}");
        mutate("{\"a\": \"2\", \"b\": \"3\"}");

        assertEquals("gw_user=alice; theme=dark; a=2; b=3", session.headers().get("Cookie"));
    }

    @Test
    void mutateWhenNoCookiesConfiguredThenTheClientsHeaderIsLeftAlone() {
        mutate("{}");

        assertFalse(session.headers().containsKey("Cookie"));
    }
}
