package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code session_aal}: the session's level against the rule's, and a rule that cannot say which is refused. */
class SessionAalAuthorizerTest {

    private static final String AAL2 = "{\"required_aal\": \"aal2\"}";

    private final SessionAalAuthorizer authorizer = new SessionAalAuthorizer();

    private void authorize(String config, String extra) {
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/admin"), "",
                Map.of(), Map.of(), "127.0.0.1", "http://api.test");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/admin", "GET");
        session.subject("someone");
        session.extra(JsonText.readObject(extra));
        authorizer.bind(JsonText.readObject(config)).authorize(request, session);
    }

    @Test
    void authorizeWhenSessionAtAal2ThenAllowed() {
        assertDoesNotThrow(() -> authorize(AAL2, "{\"aal\": \"aal2\", \"amr\": [\"pwd\", \"otp\", \"mfa\"]}"));
    }

    @Test
    void authorizeWhenSessionAtAal1ThenForbidden() {
        GatewayException e = assertThrows(GatewayException.class, () -> authorize(AAL2, "{\"aal\": \"aal1\"}"));

        assertEquals(ErrorKind.FORBIDDEN, e.kind());
    }

    @Test
    void authorizeWhenKratosWhoamiAsExtraThenItsLevelCounts() {
        assertDoesNotThrow(() -> authorize(AAL2, "{\"authenticator_assurance_level\": \"aal2\"}"));
        assertThrows(GatewayException.class, () -> authorize(AAL2, "{\"authenticator_assurance_level\": \"aal1\"}"));
    }

    @Test
    void authorizeWhenSubjectProvesNoLevelThenForbidden() {
        assertThrows(GatewayException.class, () -> authorize("{\"required_aal\": \"aal1\"}", "{\"scope\": \"read\"}"));
        assertThrows(GatewayException.class, () -> authorize(AAL2, "{\"aal\": \"aal3\"}"));
    }

    @Test
    void authorizeWhenAal1RequiredThenAnyLevelPasses() {
        assertDoesNotThrow(() -> authorize("{\"required_aal\": \"aal1\"}", "{\"aal\": \"aal1\"}"));
        assertDoesNotThrow(() -> authorize("{\"required_aal\": \"aal1\"}", "{\"aal\": \"aal2\"}"));
    }

    @Test
    void bindWhenRequiredAalMissingOrUnknownThenRefusedNamingTheKey() {
        for (String bad : List.of("{}", "{\"required_aal\": \"aal3\"}", "{\"required_aal\": \"AAL2\"}", "{\"required_aal\": 2}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> authorizer.bind(JsonText.readObject(bad)), bad);
            assertTrue(e.getMessage().contains("required_aal"), e.getMessage());
        }
    }
}
