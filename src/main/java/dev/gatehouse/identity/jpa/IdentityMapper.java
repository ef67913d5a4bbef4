package dev.gatehouse.identity.jpa;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityState;
import dev.gatehouse.identity.RecoveryAddress;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Between the identity rows and the {@link Identity} record. Writing syncs the child rows by their natural
 * keys (credential type, identifier, address) instead of replacing them, so an unchanged identifier is
 * never deleted and re-inserted against its unique key.
 */
final class IdentityMapper {

    private IdentityMapper() {
    }

    static Identity toIdentity(IdentityEntity e) {
        Map<CredentialType, Credential> credentials = new EnumMap<>(CredentialType.class);
        for (CredentialEntity c : e.credentials) {
            CredentialType.fromWire(c.type).ifPresent(type -> credentials.put(type, new Credential(type,
                    c.identifiers.stream().map(i -> i.identifier).sorted().toList(),
                    JsonText.readObject(c.config), c.version, c.createdAt, c.updatedAt, c.lastUsedAt)));
        }
        return new Identity(new IdentityId(e.id), new TenantId(e.tenantId), e.schemaId,
                IdentityState.fromWire(e.state).orElse(IdentityState.INACTIVE), e.stateChangedAt,
                JsonText.readObject(e.traits), JsonText.read(e.metadataPublic), JsonText.read(e.metadataAdmin),
                e.verifiableAddresses.stream().sorted(Comparator.comparing(a -> a.createdAt))
                        .map(a -> new VerifiableAddress(a.id, a.via, a.value, a.verified,
                                VerifiableAddress.Status.valueOf(a.status.toUpperCase(Locale.ROOT)),
                                a.verifiedAt, a.createdAt, a.updatedAt)).toList(),
                e.recoveryAddresses.stream().sorted(Comparator.comparing(a -> a.createdAt))
                        .map(a -> new RecoveryAddress(a.id, a.via, a.value, a.createdAt, a.updatedAt))
                        .toList(),
                credentials, e.createdAt, e.updatedAt, e.version);
    }

    /** Copies the identity onto the entity (new or loaded), syncing its children. */
    static void write(Identity i, IdentityEntity e) {
        e.schemaId = i.schemaId();
        e.state = i.state().wire();
        e.stateChangedAt = i.stateChangedAt();
        e.traits = JsonText.write(i.traits());
        e.metadataPublic = JsonText.writeNullable(i.metadataPublic());
        e.metadataAdmin = JsonText.writeNullable(i.metadataAdmin());
        if (e.createdAt == null) {
            e.createdAt = i.createdAt();
        }
        e.updatedAt = i.updatedAt();
        syncCredentials(i, e);
        syncVerifiable(i, e);
        syncRecovery(i, e);
    }

    private static void syncCredentials(Identity i, IdentityEntity e) {
        Set<String> wanted = i.credentials().keySet().stream().map(CredentialType::wire).collect(Collectors.toSet());
        e.credentials.removeIf(c -> !wanted.contains(c.type));
        Map<String, CredentialEntity> byType = new HashMap<>();
        e.credentials.forEach(c -> byType.put(c.type, c));
        for (Credential c : i.credentials().values()) {
            CredentialEntity ce = byType.get(c.type().wire());
            if (ce == null) {
                ce = new CredentialEntity(e, c.type().wire());
                ce.createdAt = c.createdAt();
                e.credentials.add(ce);
            }
            ce.config = JsonText.write(c.config());
            ce.version = c.version();
            ce.updatedAt = c.updatedAt();
            Set<String> ids = Set.copyOf(c.identifiers());
            ce.identifiers.removeIf(x -> !ids.contains(x.identifier));
            Set<String> have = ce.identifiers.stream().map(x -> x.identifier).collect(Collectors.toSet());
            for (String id : c.identifiers()) {
                if (!have.contains(id)) {
                    ce.identifiers.add(new CredentialIdentifierEntity(ce, id));
                }
            }
        }
    }

    private static void syncVerifiable(Identity i, IdentityEntity e) {
        Set<String> wanted = i.verifiableAddresses().stream().map(a -> a.via() + "\n" + a.value()).collect(Collectors.toSet());
        e.verifiableAddresses.removeIf(a -> !wanted.contains(a.via + "\n" + a.value));
        Map<String, VerifiableAddressEntity> have = new HashMap<>();
        e.verifiableAddresses.forEach(a -> have.put(a.via + "\n" + a.value, a));
        for (VerifiableAddress a : i.verifiableAddresses()) {
            VerifiableAddressEntity ae = have.get(a.via() + "\n" + a.value());
            if (ae == null) {
                ae = new VerifiableAddressEntity(e, a.id());
                ae.via = a.via();
                ae.value = a.value();
                ae.createdAt = a.createdAt();
                e.verifiableAddresses.add(ae);
            }
            ae.verified = a.verified();
            ae.status = a.status().wire();
            ae.verifiedAt = a.verifiedAt();
            ae.updatedAt = a.updatedAt();
        }
    }

    private static void syncRecovery(Identity i, IdentityEntity e) {
        Set<String> wanted = i.recoveryAddresses().stream().map(a -> a.via() + "\n" + a.value()).collect(Collectors.toSet());
        e.recoveryAddresses.removeIf(a -> !wanted.contains(a.via + "\n" + a.value));
        Set<String> have = e.recoveryAddresses.stream().map(a -> a.via + "\n" + a.value).collect(Collectors.toSet());
        for (RecoveryAddress a : i.recoveryAddresses()) {
            if (!have.contains(a.via() + "\n" + a.value())) {
                RecoveryAddressEntity ae = new RecoveryAddressEntity(e, a.id());
                ae.via = a.via();
                ae.value = a.value();
                ae.createdAt = a.createdAt();
                ae.updatedAt = a.updatedAt();
                e.recoveryAddresses.add(ae);
            }
        }
    }
}
