package dev.gatehouse.identity.api;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.RecoveryAddress;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The wire shape of an identity, as Ory Kratos' admin API returns it. Credential secrets never leave, but for a
 * password hash an administrator asks for by name.
 */
public final class IdentityJson {

    private IdentityJson() {
    }

    /** The admin view: everything but credential secrets. */
    public static JsonObject of(Identity i, URI baseUri) {
        return of(i, baseUri, Set.of());
    }

    /**
     * The admin view with the configuration of the credential types asked for by Kratos' {@code include_credential}.
     * Only a password's configuration (its hash, for export) is ever shown: a TOTP secret or recovery code hashes
     * would let whoever reads the answer pass the second factor, so they stay inside.
     */
    static JsonObject of(Identity i, URI baseUri, Set<CredentialType> include) {
        return base(i, baseUri).add("metadata_admin", i.metadataAdmin()).add("credentials", credentials(i, include)).build();
    }

    /** What the identity itself may see (in its session): no admin metadata, no credentials. */
    public static JsonObject publicView(Identity i, URI baseUri) {
        return base(i, baseUri).build();
    }

    private static JsonObject credentials(Identity i, Set<CredentialType> include) {
        JsonObjectBuilder credentials = JsonP.createObjectBuilder();
        i.credentials().values().forEach(c -> credentials.add(c.type().wire(),
                credential(c, c.type() == CredentialType.PASSWORD && include.contains(CredentialType.PASSWORD))));
        return credentials.build();
    }

    private static JsonObjectBuilder base(Identity i, URI baseUri) {
        JsonArrayBuilder verifiable = JsonP.createArrayBuilder();
        i.verifiableAddresses().forEach(a -> verifiable.add(address(a)));
        JsonArrayBuilder recovery = JsonP.createArrayBuilder();
        i.recoveryAddresses().forEach(a -> recovery.add(address(a)));
        return JsonP.createObjectBuilder()
                .add("id", i.id().toString())
                .add("schema_id", i.schemaId())
                .add("schema_url", baseUri.resolve("schemas/" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(i.schemaId().getBytes(StandardCharsets.UTF_8))).toString())
                .add("state", i.state().wire())
                .add("state_changed_at", i.stateChangedAt().toString())
                .add("traits", i.traits())
                .add("verifiable_addresses", verifiable)
                .add("recovery_addresses", recovery)
                .add("metadata_public", i.metadataPublic())
                .add("created_at", i.createdAt().toString())
                .add("updated_at", i.updatedAt().toString());
    }

    private static JsonObject credential(Credential c, boolean withConfig) {
        JsonArrayBuilder ids = JsonP.createArrayBuilder();
        c.identifiers().forEach(ids::add);
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("type", c.type().wire())
                .add("identifiers", ids);
        if (withConfig) {
            b.add("config", c.config());
        }
        b.add("version", c.version())
                .add("created_at", c.createdAt().toString())
                .add("updated_at", c.updatedAt().toString());
        if (c.lastUsedAt() != null) {
            b.add("last_used_at", c.lastUsedAt().toString());
        }
        return b.build();
    }

    private static JsonObject address(VerifiableAddress a) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("id", a.id().toString())
                .add("value", a.value())
                .add("verified", a.verified())
                .add("via", a.via())
                .add("status", a.status().wire())
                .add("created_at", a.createdAt().toString())
                .add("updated_at", a.updatedAt().toString());
        if (a.verifiedAt() != null) {
            b.add("verified_at", a.verifiedAt().toString());
        }
        return b.build();
    }

    private static JsonObject address(RecoveryAddress a) {
        return JsonP.createObjectBuilder()
                .add("id", a.id().toString())
                .add("value", a.value())
                .add("via", a.via())
                .add("created_at", a.createdAt().toString())
                .add("updated_at", a.updatedAt().toString())
                .build();
    }

    /** The part of an identity a JSON Patch may change. */
    static JsonObject patchable(Identity i) {
        return JsonP.createObjectBuilder()
                .add("schema_id", i.schemaId())
                .add("state", i.state().wire())
                .add("traits", i.traits())
                .add("metadata_public", i.metadataPublic())
                .add("metadata_admin", i.metadataAdmin())
                .build();
    }
}
