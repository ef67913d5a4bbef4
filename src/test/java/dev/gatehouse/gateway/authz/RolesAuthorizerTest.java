package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code roles}: where roles are read from, and that lacking one is 403. */
class RolesAuthorizerTest {

    private static final String SESSION = "{\"identity\": {\"metadata_public\": {\"roles\": [\"admin\"]}}}";
    private static final String TOKEN = "{\"roles\": [\"admin\", \"audit\"], \"scope\": \"read write\"}";
    private static final String BOTH_PLACES = "{\"required\": [\"admin\"], \"claim\": [\"identity.metadata_public.roles\", \"roles\"]}";

    private final RolesAuthorizer authorizer = new RolesAuthorizer();

    private void authorize(String config, String extra) {
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/admin"), "",
                Map.of(), Map.of(), "127.0.0.1", "http://api.test");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/admin", "GET");
        session.subject("someone");
        session.extra(JsonText.readObject(extra));
        JsonObject c = JsonText.readObject(config);
        authorizer.bind(c).authorize(request, session);
    }

    @Test
    void authorizeWhenSessionIdentityHoldsRoleThenAllowedByDefaultClaim() {
        assertDoesNotThrow(() -> authorize("{\"required\": [\"admin\"]}", SESSION));
    }

    @Test
    void authorizeWhenRoleMissingThenForbidden() {
        GatewayException e = assertThrows(GatewayException.class, () -> authorize("{\"required\": [\"admin\"]}", TOKEN));

        assertEquals(ErrorKind.FORBIDDEN, e.kind());
    }

    @Test
    void authorizeWhenClaimListsSessionAndTokenPathsThenEitherPlaceCounts() {
        assertDoesNotThrow(() -> authorize(BOTH_PLACES, SESSION));
        assertDoesNotThrow(() -> authorize(BOTH_PLACES, TOKEN));
        assertThrows(GatewayException.class, () -> authorize(BOTH_PLACES, "{\"roles\": [\"user\"]}"));
    }

    @Test
    void authorizeWhenSpaceSeparatedScopeClaimThenEachScopeCounts() {
        assertDoesNotThrow(() -> authorize("{\"required\": [\"write\"], \"claim\": \"scope\"}", TOKEN));
        assertThrows(GatewayException.class, () -> authorize("{\"required\": [\"wri\"], \"claim\": \"scope\"}", TOKEN));
    }

    @Test
    void authorizeWhenMatchAnyThenOneRoleSuffices() {
        assertDoesNotThrow(() -> authorize("{\"required\": [\"owner\", \"audit\"], \"claim\": \"roles\", \"match\": \"any\"}", TOKEN));
        assertThrows(GatewayException.class, () -> authorize("{\"required\": [\"owner\", \"audit\"], \"claim\": \"roles\"}", TOKEN));
    }

    @Test
    void bindWhenClaimListEmptyOrNotStringsThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> authorizer.bind(JsonText.readObject("{\"required\": [\"a\"], \"claim\": []}")));
        assertThrows(IllegalArgumentException.class, () -> authorizer.bind(JsonText.readObject("{\"required\": [\"a\"], \"claim\": [1]}")));
    }
}
