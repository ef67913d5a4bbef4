package dev.gatehouse.identity.api;

import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Kratos' {@code include_credential} query parameter of {@code GET /admin/identities/{id}}: the credential types
 * whose configuration the answer should carry. Every type Kratos knows is accepted (an Ory SDK may ask for
 * {@code oidc} of any identity); a value Kratos does not know is refused with its reason.
 */
final class IncludeCredentials {

    /** Kratos' credential types that Gatehouse does not store (yet): accepted, and nothing to include. */
    private static final Set<String> KRATOS_ONLY = Set.of("oidc", "saml", "passkey", "deviceauthn", "link_recovery", "code_recovery");

    private IncludeCredentials() {
    }

    static Set<CredentialType> parse(List<String> values) {
        Set<CredentialType> types = EnumSet.noneOf(CredentialType.class);
        for (String v : values) {
            CredentialType.fromWire(v).ifPresentOrElse(types::add, () -> {
                if (!KRATOS_ONLY.contains(v)) {
                    throw ApiException.malformed("Invalid value `" + v + "` for parameter `include_credential`.");
                }
            });
        }
        return types;
    }
}
