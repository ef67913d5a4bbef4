package dev.gatehouse.identity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

/**
 * What an admin asks an identity to be, parsed from a create, replace or patch body before any check
 * against its schema.
 *
 * @param schemaId          empty for the default schema
 * @param password          a new password credential, if given
 * @param importedAddresses verifiable addresses the caller vouches for (e.g. imported as verified)
 */
public record IdentityDraft(Optional<String> schemaId, JsonObject traits, Optional<IdentityState> state,
                            JsonValue metadataPublic, JsonValue metadataAdmin, Optional<PasswordInput> password,
                            List<ImportedAddress> importedAddresses) {

    /** A password given in plain text (hashed before storing) or as an existing PHC hash to import. */
    public sealed interface PasswordInput permits PlainPassword, HashedPassword {
    }

    public record PlainPassword(String password) implements PasswordInput {
    }

    public record HashedPassword(String phc) implements PasswordInput {
    }

    /** An address with its verification state as known by the system it is imported from. */
    public record ImportedAddress(String via, String value, boolean verified, VerifiableAddress.Status status) {
    }
}
