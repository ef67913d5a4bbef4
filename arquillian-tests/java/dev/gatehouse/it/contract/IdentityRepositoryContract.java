package dev.gatehouse.it.contract;

import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.DuplicateIdentifierException;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityRepository;
import dev.gatehouse.identity.IdentityState;
import dev.gatehouse.identity.RecoveryAddress;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.identity.jpa.JpaIdentityRepository;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link IdentityRepository} must do, on each database the product supports. */
abstract class IdentityRepositoryContract extends RepositoryContract<IdentityRepository> {

    @Override
    protected IdentityRepository repository(EntityManager em) {
        return new JpaIdentityRepository(em);
    }

    private static Identity identity(TenantId tenant, String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Identity(IdentityId.random(), tenant, "default", IdentityState.ACTIVE, now,
                Json.createObjectBuilder().add("email", email).build(), JsonValue.NULL,
                Json.createObjectBuilder().add("crm", 1).build(),
                List.of(new VerifiableAddress(UUID.randomUUID(), "email", email, false, VerifiableAddress.Status.PENDING, null, now, now)),
                List.of(new RecoveryAddress(UUID.randomUUID(), "email", email, now, now)),
                Map.of(CredentialType.PASSWORD, new Credential(CredentialType.PASSWORD, List.of(email),
                        Json.createObjectBuilder().add("hashed_password", "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA").build(), 0, now, now)),
                now, now, 0);
    }

    @Test
    void insertThenFindByIdAndIdentifierWithEverything() {
        Identity ada = identity(TenantId.DEFAULT, "ada@example.test");
        inTx(r -> { r.insert(ada); return null; });

        Identity byId = inTx(r -> r.find(TenantId.DEFAULT, ada.id())).orElseThrow();
        Identity byIdentifier = inTx(r -> r.findByIdentifier(TenantId.DEFAULT, CredentialType.PASSWORD, "ada@example.test")).orElseThrow();

        assertEquals(ada.id(), byIdentifier.id());
        assertEquals(ada.traits(), byId.traits());
        assertEquals(ada.metadataAdmin(), byId.metadataAdmin());
        assertEquals(JsonValue.NULL, byId.metadataPublic());
        assertEquals(ada.verifiableAddresses(), byId.verifiableAddresses());
        assertEquals(ada.credentials().get(CredentialType.PASSWORD).config(), byId.credentials().get(CredentialType.PASSWORD).config());
    }

    @Test
    void findByAddressWhenAddressIsNoIdentifierThenFoundByEitherListIgnoringCaseInItsTenantOnly() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Identity base = identity(TenantId.DEFAULT, "login@example.test");
        Identity withOtherAddresses = new Identity(base.id(), base.tenant(), base.schemaId(), base.state(), base.stateChangedAt(),
                base.traits(), base.metadataPublic(), base.metadataAdmin(),
                List.of(new VerifiableAddress(UUID.randomUUID(), "email", "contact@example.test", false,
                        VerifiableAddress.Status.PENDING, null, now, now)),
                List.of(new RecoveryAddress(UUID.randomUUID(), "email", "backup@example.test", now, now)),
                base.credentials(), now, now, 0);
        inTx(r -> { r.insert(withOtherAddresses); return null; });

        assertEquals(base.id(), inTx(r -> r.findByAddress(TenantId.DEFAULT, AddressPurpose.VERIFICATION, "email",
                "Contact@Example.TEST")).orElseThrow().id());
        assertEquals(base.id(), inTx(r -> r.findByAddress(TenantId.DEFAULT, AddressPurpose.RECOVERY, "email",
                "backup@example.test")).orElseThrow().id());
        assertTrue(inTx(r -> r.findByAddress(TenantId.DEFAULT, AddressPurpose.RECOVERY, "email", "contact@example.test")).isEmpty(),
                "a verifiable address is not a recovery address");
        assertTrue(inTx(r -> r.findByAddress(TenantId.DEFAULT, AddressPurpose.VERIFICATION, "email", "login@example.test")).isEmpty(),
                "an identifier is not an address");
        assertTrue(inTx(r -> r.findByAddress(TenantId.DEFAULT, AddressPurpose.VERIFICATION, "sms", "contact@example.test")).isEmpty());
        assertTrue(inTx(r -> r.findByAddress(OTHER, AddressPurpose.VERIFICATION, "email", "contact@example.test")).isEmpty());
    }

    @Test
    void findWhenOtherTenantThenNothing() {
        Identity ada = identity(TenantId.DEFAULT, "ada@example.test");
        inTx(r -> { r.insert(ada); return null; });

        assertTrue(inTx(r -> r.find(OTHER, ada.id())).isEmpty());
        assertTrue(inTx(r -> r.findByIdentifier(OTHER, CredentialType.PASSWORD, "ada@example.test")).isEmpty());
        assertTrue(inTx(r -> r.list(OTHER, 0, 10)).isEmpty());
        boolean deletedElsewhere = inTx(r -> r.delete(OTHER, ada.id()));
        assertFalse(deletedElsewhere);
        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, ada.id())).isPresent());
    }

    @Test
    void insertWhenIdentifierTakenInTenantThenDuplicateButFreeInAnother() {
        inTx(r -> { r.insert(identity(TenantId.DEFAULT, "dup@example.test")); return null; });

        assertThrows(DuplicateIdentifierException.class, () -> inTx(r -> { r.insert(identity(TenantId.DEFAULT, "dup@example.test")); return null; }));
        inTx(r -> { r.insert(identity(OTHER, "dup@example.test")); return null; });
        assertEquals(1, inTx(r -> r.list(TenantId.DEFAULT, 0, 10)).size());
    }

    @Test
    void updateWhenIdentifierChangesThenOldOneIsFreeAndNewOneFound() {
        Identity ada = identity(TenantId.DEFAULT, "old@example.test");
        inTx(r -> { r.insert(ada); return null; });
        Identity stored = inTx(r -> r.find(TenantId.DEFAULT, ada.id())).orElseThrow();
        Identity renamed = identity(TenantId.DEFAULT, "new@example.test");
        Identity update = new Identity(stored.id(), stored.tenant(), stored.schemaId(), IdentityState.INACTIVE, stored.stateChangedAt(),
                renamed.traits(), stored.metadataPublic(), stored.metadataAdmin(), renamed.verifiableAddresses(),
                renamed.recoveryAddresses(), renamed.credentials(), stored.createdAt(), Instant.now(), stored.version());

        inTx(r -> { r.update(update); return null; });

        assertTrue(inTx(r -> r.findByIdentifier(TenantId.DEFAULT, CredentialType.PASSWORD, "old@example.test")).isEmpty());
        Identity found = inTx(r -> r.findByIdentifier(TenantId.DEFAULT, CredentialType.PASSWORD, "new@example.test")).orElseThrow();
        assertEquals(IdentityState.INACTIVE, found.state());
        assertEquals("new@example.test", found.verifiableAddresses().get(0).value());
        inTx(r -> { r.insert(identity(TenantId.DEFAULT, "old@example.test")); return null; });
    }

    @Test
    void deleteThenGoneWithItsIdentifiers() {
        Identity ada = identity(TenantId.DEFAULT, "gone@example.test");
        inTx(r -> { r.insert(ada); return null; });

        boolean deleted = inTx(r -> r.delete(TenantId.DEFAULT, ada.id()));
        assertTrue(deleted);

        assertTrue(inTx(r -> r.find(TenantId.DEFAULT, ada.id())).isEmpty());
        inTx(r -> { r.insert(identity(TenantId.DEFAULT, "gone@example.test")); return null; });
    }

    /** An identity with the e-mail and a first name in its traits. */
    private static Identity named(TenantId tenant, String email, String first) {
        Identity i = identity(tenant, email);
        return new Identity(i.id(), i.tenant(), i.schemaId(), i.state(), i.stateChangedAt(),
                Json.createObjectBuilder(i.traits()).add("name", Json.createObjectBuilder().add("first", first)).build(),
                i.metadataPublic(), i.metadataAdmin(), i.verifiableAddresses(), i.recoveryAddresses(), i.credentials(),
                i.createdAt(), i.updatedAt(), i.version());
    }

    private List<String> firstNames(TenantId tenant, String trait, String prefix, int offset, int limit) {
        return inTx(r -> r.searchByTrait(tenant, trait, prefix, offset, limit)).stream()
                .map(i -> i.traits().getJsonObject("name").getString("first")).sorted().toList();
    }

    @Test
    void searchByTraitWhenPrefixThenMatchesIgnoringCaseAtAnyDepthInItsTenantOnlyWithWildcardsAndQuotesTakenLiterally() {
        inTx(r -> {
            r.insert(named(TenantId.DEFAULT, "a@example.test", "Ada Lovelace"));
            r.insert(named(TenantId.DEFAULT, "b@example.test", "ada_b"));
            r.insert(named(TenantId.DEFAULT, "ada@example.test", "Grace"));
            r.insert(named(TenantId.DEFAULT, "q@example.test", "Quote\"Ada\\"));
            r.insert(named(OTHER, "o@example.test", "Ada elsewhere"));
            return null;
        });

        assertEquals(List.of("Ada Lovelace", "ada_b"), firstNames(TenantId.DEFAULT, "first", "ADA", 0, 10));
        assertEquals(List.of("ada_b"), firstNames(TenantId.DEFAULT, "first", "ada_", 0, 10), "an underscore is no wildcard");
        assertEquals(List.of(), firstNames(TenantId.DEFAULT, "first", "%", 0, 10), "nor a percent sign");
        assertEquals(List.of(), firstNames(TenantId.DEFAULT, "first", "lovelace", 0, 10), "a prefix, not a part");
        assertEquals(List.of("Quote\"Ada\\"), firstNames(TenantId.DEFAULT, "first", "quote\"ada\\", 0, 10));
        assertEquals(List.of(), firstNames(TenantId.DEFAULT, "name", "ada", 0, 10), "an object trait has no text");
        assertEquals(List.of("Ada elsewhere"), firstNames(OTHER, "first", "ada", 0, 10));
        assertEquals(1, firstNames(TenantId.DEFAULT, "first", "ada", 1, 10).size(), "paged");
        assertEquals(1, firstNames(TenantId.DEFAULT, "first", "ada", 0, 1).size(), "bounded");
        assertEquals(List.of("ada@example.test"), inTx(r -> r.searchByTrait(TenantId.DEFAULT, "email", "ada@", 0, 10)).stream()
                .map(i -> i.traits().getString("email")).toList());
    }

    @Test
    void markUsedThenReadBackAndKeptWhenTheIdentityIsUpdatedButNotSetInAnotherTenant() {
        Identity ada = identity(TenantId.DEFAULT, "used@example.test");
        inTx(r -> { r.insert(ada); return null; });
        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

        inTx(r -> { r.markUsed(OTHER, ada.id(), CredentialType.PASSWORD, used); return null; });
        assertEquals(null, inTx(r -> r.find(TenantId.DEFAULT, ada.id())).orElseThrow().credentials().get(CredentialType.PASSWORD).lastUsedAt());
        inTx(r -> { r.markUsed(TenantId.DEFAULT, ada.id(), CredentialType.PASSWORD, used); return null; });
        Identity stored = inTx(r -> r.find(TenantId.DEFAULT, ada.id())).orElseThrow();
        assertEquals(used, stored.credentials().get(CredentialType.PASSWORD).lastUsedAt());

        Identity changed = new Identity(stored.id(), stored.tenant(), stored.schemaId(), IdentityState.INACTIVE, stored.stateChangedAt(),
                stored.traits(), stored.metadataPublic(), stored.metadataAdmin(), stored.verifiableAddresses(), stored.recoveryAddresses(),
                Map.of(CredentialType.PASSWORD, new Credential(CredentialType.PASSWORD, List.of("used@example.test"),
                        Json.createObjectBuilder().add("hashed_password", "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$b3RoZXI").build(), 0,
                        stored.createdAt(), Instant.now())),
                stored.createdAt(), Instant.now(), stored.version());
        inTx(r -> { r.update(changed); return null; });
        assertEquals(used, inTx(r -> r.find(TenantId.DEFAULT, ada.id())).orElseThrow().credentials().get(CredentialType.PASSWORD).lastUsedAt(),
                "storing a changed credential keeps when it was last used");
    }
}
