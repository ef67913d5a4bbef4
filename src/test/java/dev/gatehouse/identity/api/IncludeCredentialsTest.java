package dev.gatehouse.identity.api;

import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IncludeCredentialsTest {

    @Test
    void parseWhenKnownTypesThenThoseGatehouseStores() {
        assertEquals(Set.of(CredentialType.PASSWORD, CredentialType.TOTP, CredentialType.PASSKEY),
                IncludeCredentials.parse(List.of("password", "totp", "oidc", "passkey")));
        assertEquals(Set.of(), IncludeCredentials.parse(List.of()));
    }

    @Test
    void parseWhenUnknownThenMalformedWithKratosReason() {
        ApiException e = assertThrows(ApiException.class, () -> IncludeCredentials.parse(List.of("password", "Password")));

        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
        assertEquals("Invalid value `Password` for parameter `include_credential`.", e.detail());
    }
}
