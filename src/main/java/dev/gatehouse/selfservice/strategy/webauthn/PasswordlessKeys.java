package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How security keys that sign in on their own are found: the {@code webauthn} credential answers to the identity's
 * account names (the traits the schema marks as WebAuthn identifiers, Kratos'
 * {@code credentials.webauthn.identifier}; else the account name the key was made for), beside the identity's id
 * that second-factor keys are kept under.
 */
final class PasswordlessKeys {

    private PasswordlessKeys() {
    }

    /**
     * The identity that {@code identifier} names in {@code tenant}: by its passwordless keys' identifiers, else by its
     * sign-in identifiers (so a changed e-mail address still finds it).
     */
    static Optional<Identity> owner(IdentityService identities, TenantId tenant, String identifier) {
        return identities.findByCredentialIdentifier(tenant, CredentialType.WEBAUTHN, identities.normaliseIdentifier(identifier))
                .or(() -> identities.findByCodeIdentifier(tenant, identifier));
    }

    /** The account names of {@code traits} that passwordless keys answer to, lower case; empty when the schema has none. */
    static List<String> accountNames(IdentitySchema schema, JsonObject traits) {
        List<String> marked = schema.identifiers(CredentialKind.WEBAUTHN, traits);
        List<String> names = marked.isEmpty() ? Ceremonies.accountName(schema, traits).stream().toList() : marked;
        return names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * The identifiers to store {@code keys} under: {@code base} (the identity's id, for second-factor keys), and,
     * while any key signs in on its own, the account names.
     */
    static List<String> identifiers(WebAuthnKeys keys, List<String> base, List<String> accountNames) {
        Set<String> all = new LinkedHashSet<>(base);
        if (!keys.passwordlessKeys().isEmpty()) {
            all.addAll(accountNames);
        }
        return List.copyOf(all);
    }
}
