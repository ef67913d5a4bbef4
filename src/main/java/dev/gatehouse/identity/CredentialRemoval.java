package dev.gatehouse.identity;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.Set;

/**
 * Which credential an administrator may remove from an identity, as Ory Kratos'
 * {@code DELETE /admin/identities/{id}/credentials/{type}} decides it: a type the identity does not have (or no
 * known type at all) is not found; the second factors {@code totp} and {@code lookup_secret} are removed whole, so
 * a person who lost an authenticator or the recovery codes can set them up again; a password that is the last
 * first factor is refused with Kratos' reason; every other type cannot be removed through this API. That includes a
 * password beside a {@code code} credential, which Kratos would empty: an administrator replaces a password with
 * {@code PUT /admin/identities/{id}} or sends the person to recovery instead. {@code webauthn} holds only
 * second-factor security keys here (passkeys are their own type), so it is removed whole, as Kratos removes the
 * second-factor keys; {@code passkey} cannot be removed, as in Kratos.
 */
public final class CredentialRemoval {

    private static final Set<CredentialType> FIRST_FACTORS = Set.of(CredentialType.PASSWORD, CredentialType.CODE, CredentialType.PASSKEY);

    private CredentialRemoval() {
    }

    /**
     * @param present the credential types the identity has
     * @param type    the type as the request named it
     * @return the type to remove
     * @throws ApiException not found, or not applicable with Kratos' reason
     */
    public static CredentialType check(Set<CredentialType> present, String type) {
        CredentialType wanted = CredentialType.fromWire(type).filter(present::contains)
                .orElseThrow(() -> ApiException.notFound("You tried to remove a " + type + " but this user have no " + type + " set up."));
        return switch (wanted) {
            case TOTP, LOOKUP_SECRET, WEBAUTHN -> wanted;
            case PASSWORD -> throw present.stream().filter(FIRST_FACTORS::contains).count() < 2
                    ? new ApiException(ApiError.NOT_APPLICABLE, "You cannot remove the last first factor credential.")
                    : cannotBeDeleted(wanted);
            case CODE, PASSKEY -> throw cannotBeDeleted(wanted);
        };
    }

    private static ApiException cannotBeDeleted(CredentialType type) {
        return new ApiException(ApiError.NOT_APPLICABLE, "Credentials type " + type.wire() + " cannot be deleted.");
    }
}
