package dev.gatehouse.identity.api;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.RecoveryAddress;
import dev.gatehouse.identity.VerifiableAddress;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The wire shape of an identity, as Ory Kratos' admin API returns it. Credential secrets never leave. */
public final class IdentityJson {

    private IdentityJson() {
    }

    /** The admin view: everything but credential secrets. */
    public static JsonObject of(Identity i, URI baseUri) {
        return base(i, baseUri).add("metadata_admin", i.metadataAdmin()).add("credentials", credentials(i)).build();
    }

    /** What the identity itself may see (in its session): no admin metadata, no credentials. */
    public static JsonObject publicView(Identity i, URI baseUri) {
        return base(i, baseUri).build();
    }

    private static JsonObject credentials(Identity i) {
        JsonObjectBuilder credentials = Json.createObjectBuilder();
        i.credentials().values().forEach(c -> credentials.add(c.type().wire(), credential(c)));
        return credentials.build();
    }

    private static JsonObjectBuilder base(Identity i, URI baseUri) {
        JsonArrayBuilder verifiable = Json.createArrayBuilder();
        i.verifiableAddresses().forEach(a -> verifiable.add(address(a)));
        JsonArrayBuilder recovery = Json.createArrayBuilder();
        i.recoveryAddresses().forEach(a -> recovery.add(address(a)));
        return Json.createObjectBuilder()
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

    private static JsonObject credential(Credential c) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        c.identifiers().forEach(ids::add);
        return Json.createObjectBuilder()
                .add("type", c.type().wire())
                .add("identifiers", ids)
                .add("version", c.version())
                .add("created_at", c.createdAt().toString())
                .add("updated_at", c.updatedAt().toString())
                .build();
    }

    private static JsonObject address(VerifiableAddress a) {
        JsonObjectBuilder b = Json.createObjectBuilder()
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
        return Json.createObjectBuilder()
                .add("id", a.id().toString())
                .add("value", a.value())
                .add("via", a.via())
                .add("created_at", a.createdAt().toString())
                .add("updated_at", a.updatedAt().toString())
                .build();
    }

    /** The part of an identity a JSON Patch may change. */
    static JsonObject patchable(Identity i) {
        return Json.createObjectBuilder()
                .add("schema_id", i.schemaId())
                .add("state", i.state().wire())
                .add("traits", i.traits())
                .add("metadata_public", i.metadataPublic())
                .add("metadata_admin", i.metadataAdmin())
                .build();
    }
}
