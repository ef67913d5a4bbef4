package dev.gatehouse.identity;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.gatehouse.identity.CredentialType.CODE;
import static dev.gatehouse.identity.CredentialType.LOOKUP_SECRET;
import static dev.gatehouse.identity.CredentialType.PASSWORD;
import static dev.gatehouse.identity.CredentialType.PASSKEY;
import static dev.gatehouse.identity.CredentialType.TOTP;
import static dev.gatehouse.identity.CredentialType.WEBAUTHN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialRemovalTest {

    @Test
    void checkWhenSecondFactorPresentThenRemovable() {
        assertEquals(TOTP, CredentialRemoval.check(Set.of(PASSWORD, TOTP), "totp"));
        assertEquals(LOOKUP_SECRET, CredentialRemoval.check(Set.of(PASSWORD, LOOKUP_SECRET), "lookup_secret"));
    }

    @Test
    void checkWhenTypeMissingOrUnknownThenNotFoundWithKratosReason() {
        ApiException missing = assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(PASSWORD), "totp"));
        ApiException unknown = assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(PASSWORD), "oidc"));

        assertEquals(ApiError.NOT_FOUND, missing.error());
        assertEquals("You tried to remove a totp but this user have no totp set up.", missing.detail());
        assertEquals(ApiError.NOT_FOUND, unknown.error());
    }

    @Test
    void checkWhenPasswordIsTheLastFirstFactorThenRefusedWithKratosReason() {
        ApiException e = assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(PASSWORD, TOTP), "password"));

        assertEquals(ApiError.NOT_APPLICABLE, e.error());
        assertEquals("You cannot remove the last first factor credential.", e.detail());
    }

    @Test
    void checkWhenPasswordBesideCodeOrCodeOrPasskeyThenCannotBeDeleted() {
        assertEquals("Credentials type password cannot be deleted.",
                assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(PASSWORD, CODE), "password")).detail());
        assertEquals("Credentials type code cannot be deleted.",
                assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(CODE), "code")).detail());
        assertEquals(ApiError.NOT_APPLICABLE,
                assertThrows(ApiException.class, () -> CredentialRemoval.check(Set.of(PASSWORD, PASSKEY), "passkey")).error());
    }

    @Test
    void checkWhenSecurityKeysThenRemovedWholeAsASecondFactor() {
        assertEquals(WEBAUTHN, CredentialRemoval.check(Set.of(PASSWORD, WEBAUTHN), "webauthn"));
    }
}
