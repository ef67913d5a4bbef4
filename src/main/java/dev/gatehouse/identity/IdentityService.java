package dev.gatehouse.identity;

import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.identity.schema.Address;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.identity.schema.TraitError;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The admin operations on identities: create (including import of existing password hashes), replace,
 * delete, read. Traits are validated by the identity's schema; login identifiers and addresses are
 * derived from the traits by the schema's {@code ory.sh/kratos} extension.
 */
@ApplicationScoped
public class IdentityService {

    private IdentityRepository repository;
    private IdentitySchemas schemas;
    private PasswordHasher hasher;
    private SecurityEvents events;
    private CredentialEvents credentials;
    private Transactions transactions;
    private Clock clock;
    private PhoneRegion phones = new PhoneRegion((String) null);

    protected IdentityService() {
    }

    /** For stand-ins in tests: phone numbers read in {@code phones}' region. */
    protected IdentityService(PhoneRegion phones) {
        this.phones = phones;
    }

    @Inject
    public IdentityService(IdentityRepository repository, IdentitySchemas schemas, PasswordHasher hasher,
                           SecurityEvents events, Transactions transactions, Clock clock, PhoneRegion phones) {
        this(repository, schemas, hasher, events, transactions, clock);
        this.phones = phones;
    }

    public IdentityService(IdentityRepository repository, IdentitySchemas schemas, PasswordHasher hasher,
                           SecurityEvents events, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.schemas = schemas;
        this.hasher = hasher;
        this.events = events;
        this.credentials = new CredentialEvents(events);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Optional<Identity> find(TenantId tenant, String id) {
        return IdentityId.parse(id).flatMap(i -> repository.find(tenant, i));
    }

    @Transactional
    public Optional<Identity> findByIdentifier(TenantId tenant, String identifier) {
        return repository.findByIdentifier(tenant, CredentialType.PASSWORD, phones.identifier(identifier))
                .or(() -> repository.findByIdentifier(tenant, CredentialType.PASSWORD, identifier.trim()));
    }

    /**
     * An identifier as typed, in the form identifiers are stored in: a phone number in E.164 (read in the tenant's
     * default region when written without {@code +}), anything else trimmed and lower-cased.
     */
    public String normaliseIdentifier(String identifier) {
        return phones.identifier(identifier);
    }

    /** {@code traits} with their phone traits in E.164, as they are validated and stored. */
    public JsonObject normaliseTraits(IdentitySchema schema, JsonObject traits) {
        return schema.normalise(traits, phones.defaultRegion());
    }

    /**
     * The identity an address signs in by code: its {@code code} identifier (as the schema marks it), or, for
     * identities stored before code identifiers were kept, its password identifier.
     */
    @Transactional
    public Optional<Identity> findByCodeIdentifier(TenantId tenant, String address) {
        return repository.findByIdentifier(tenant, CredentialType.CODE, phones.identifier(address))
                .or(() -> findByIdentifier(tenant, address));
    }

    /** The identity whose credential of {@code type} answers to {@code identifier} exactly (a passkey's user handle). */
    @Transactional
    public Optional<Identity> findByCredentialIdentifier(TenantId tenant, CredentialType type, String identifier) {
        return repository.findByIdentifier(tenant, type, identifier);
    }

    /** The identity that has the e-mail address among its verifiable or recovery addresses (whatever its identifiers). */
    @Transactional
    public Optional<Identity> findByEmailAddress(TenantId tenant, AddressPurpose purpose, String address) {
        return repository.findByAddress(tenant, purpose, "email", address);
    }

    /** The identity that has the phone number (E.164) among its verifiable or recovery addresses reached by SMS. */
    @Transactional
    public Optional<Identity> findByPhoneNumber(TenantId tenant, AddressPurpose purpose, String number) {
        return repository.findByAddress(tenant, purpose, "sms", number);
    }

    @Transactional
    public List<Identity> list(TenantId tenant, int offset, int limit) {
        return repository.list(tenant, offset, limit);
    }

    /** Identities whose string trait {@code trait} (a property name, at any depth) starts with {@code prefix}, ignoring case. */
    @Transactional
    public List<Identity> searchByTrait(TenantId tenant, String trait, String prefix, int offset, int limit) {
        return repository.searchByTrait(tenant, trait, prefix, offset, limit);
    }

    /**
     * Records that the credential of the sign-in method {@code method} proved a sign-in of {@code identity} now. Only
     * inside the sign-in's transaction (its session is written in the same), so it takes no connection of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markUsed(Identity identity, String method) {
        CredentialType.fromWire(method).ifPresent(type -> repository.markUsed(identity.tenant(), identity.id(), type, clock.instant()));
    }

    /**
     * Creates an identity: checked against its schema and its password hashed first, outside any transaction,
     * then stored in one short transaction (its own unless the caller has one), so one bad item of a batch leaves
     * nothing behind.
     */
    public Identity create(TenantId tenant, IdentityDraft draft, String actor) {
        return create(tenant, draft, actor, List.of());
    }

    /**
     * Creates an identity as {@link #create(TenantId, IdentityDraft, String)} does, with {@code credentials} of types
     * the draft cannot carry (a passkey made at sign-up) stored in the same insert.
     */
    public Identity create(TenantId tenant, IdentityDraft draft, String actor, List<Credential> credentials) {
        Identity built = build(tenant, IdentityId.random(), draft, Optional.empty(), clock.instant(), this::phc);
        Map<CredentialType, Credential> all = new EnumMap<>(CredentialType.class);
        all.putAll(built.credentials());
        credentials.forEach(c -> all.put(c.type(), c));
        Identity identity = credentials.isEmpty() ? built : new Identity(built.id(), built.tenant(), built.schemaId(), built.state(),
                built.stateChangedAt(), built.traits(), built.metadataPublic(), built.metadataAdmin(), built.verifiableAddresses(),
                built.recoveryAddresses(), all, built.createdAt(), built.updatedAt(), built.version());
        return transactions.call(() -> {
            try {
                repository.insert(identity);
            } catch (DuplicateIdentifierException e) {
                throw duplicate();
            }
            events.fire(SecurityEvent.of(SecurityEventType.IDENTITY_CREATED, Outcome.SUCCESS)
                    .tenant(tenant.value()).actor(actor).subject(identity.id().toString())
                    .detail("schema_id", identity.schemaId())
                    .detail("password", draft.password().map(p -> p instanceof IdentityDraft.HashedPassword ? "imported" : "set").orElse("none")));
            return identity;
        });
    }

    /** Replaces an identity; a new password is hashed before the transaction that reads and writes it. */
    public Identity replace(TenantId tenant, String id, IdentityDraft draft, String actor) {
        Optional<String> phc = draft.password().map(this::phc);
        return transactions.call(() -> {
            Identity current = IdentityId.parse(id).flatMap(i -> repository.find(tenant, i)).orElseThrow(IdentityService::notFound);
            Identity updated = build(tenant, current.id(), draft, Optional.of(current), clock.instant(), p -> phc.orElseThrow());
            try {
                repository.update(updated);
            } catch (DuplicateIdentifierException e) {
                throw duplicate();
            } catch (OptimisticLockException e) {
                throw ApiException.conflict("The identity was changed concurrently; read it again and retry");
            }
            events.fire(SecurityEvent.of(SecurityEventType.IDENTITY_UPDATED, Outcome.SUCCESS)
                    .tenant(tenant.value()).actor(actor).subject(updated.id().toString())
                    .detail("state", updated.state().wire())
                    .detail("password", draft.password().isPresent() ? "changed" : "unchanged"));
            return updated;
        });
    }

    /** Replaces the stored password hash (after a sign-in verified the old one), keeping everything else. */
    @Transactional
    public void replacePasswordHash(Identity identity, String phc) {
        Credential old = identity.credential(CredentialType.PASSWORD).orElseThrow();
        Map<CredentialType, Credential> credentials = new EnumMap<>(identity.credentials());
        credentials.put(CredentialType.PASSWORD, new Credential(CredentialType.PASSWORD, old.identifiers(),
                JsonP.createObjectBuilder().add("hashed_password", phc).build(), old.version(), old.createdAt(), clock.instant()));
        Identity current = repository.find(identity.tenant(), identity.id()).orElseThrow(IdentityService::notFound);
        repository.update(new Identity(current.id(), current.tenant(), current.schemaId(), current.state(), current.stateChangedAt(),
                current.traits(), current.metadataPublic(), current.metadataAdmin(), current.verifiableAddresses(),
                current.recoveryAddresses(), credentials, current.createdAt(), current.updatedAt(), current.version()));
    }

    /**
     * Stores {@code credential} as the identity's credential of its type (replacing one of that type), or removes
     * the credential of {@code type} when {@code credential} is empty, keeping everything else. {@code expected}
     * is the identity as the caller read it: if it changed since (another device used the same second factor),
     * the change is refused with a conflict, so a credential's state cannot be used twice concurrently.
     */
    @Transactional
    public Identity storeCredential(Identity expected, CredentialType type, Optional<Credential> credential) {
        Identity current = repository.find(expected.tenant(), expected.id()).orElseThrow(IdentityService::notFound);
        if (current.version() != expected.version()) {
            throw ApiException.conflict("The identity was changed concurrently; read it again and retry");
        }
        Map<CredentialType, Credential> credentials = new EnumMap<>(current.credentials());
        credential.ifPresentOrElse(c -> credentials.put(type, c), () -> credentials.remove(type));
        Identity updated = new Identity(current.id(), current.tenant(), current.schemaId(), current.state(), current.stateChangedAt(),
                current.traits(), current.metadataPublic(), current.metadataAdmin(), current.verifiableAddresses(),
                current.recoveryAddresses(), credentials, current.createdAt(), clock.instant(), current.version());
        try {
            repository.update(updated);
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("The identity was changed concurrently; read it again and retry");
        }
        return updated;
    }

    /**
     * Removes the identity's credential of {@code type} for an administrator (see {@link CredentialRemoval} for
     * which types may go). Its sessions are left as they are, as Kratos leaves them.
     */
    @Transactional
    public void removeCredential(TenantId tenant, String id, String type, String actor) {
        Identity current = IdentityId.parse(id).flatMap(i -> repository.find(tenant, i)).orElseThrow(IdentityService::notFound);
        CredentialType removed = CredentialRemoval.check(current.credentials().keySet(), type);
        storeCredential(current, removed, Optional.empty());
        credentials.removed(tenant.value(), current.id().toString(), actor, removed.wire());
    }

    /**
     * Marks the identity's address as verified (status completed, verified now), after it proved it owns it;
     * false if the identity has no such address (any more).
     */
    @Transactional
    public boolean markVerified(TenantId tenant, IdentityId id, String address) {
        Optional<Identity> found = repository.find(tenant, id);
        if (found.isEmpty() || found.get().verifiableAddresses().stream().noneMatch(a -> a.value().equalsIgnoreCase(address))) {
            return false;
        }
        Identity c = found.get();
        Instant now = clock.instant();
        List<VerifiableAddress> addresses = c.verifiableAddresses().stream().map(a -> !a.value().equalsIgnoreCase(address) ? a
                : new VerifiableAddress(a.id(), a.via(), a.value(), true, VerifiableAddress.Status.COMPLETED,
                        a.verified() ? a.verifiedAt() : now, a.createdAt(), now)).toList();
        repository.update(new Identity(c.id(), c.tenant(), c.schemaId(), c.state(), c.stateChangedAt(), c.traits(),
                c.metadataPublic(), c.metadataAdmin(), addresses, c.recoveryAddresses(), c.credentials(), c.createdAt(),
                c.updatedAt(), c.version()));
        return true;
    }

    @Transactional
    public void delete(TenantId tenant, String id, String actor) {
        IdentityId identityId = IdentityId.parse(id).orElseThrow(IdentityService::notFound);
        if (!repository.delete(tenant, identityId)) {
            throw notFound();
        }
        events.fire(SecurityEvent.of(SecurityEventType.IDENTITY_DELETED, Outcome.SUCCESS)
                .tenant(tenant.value()).actor(actor).subject(identityId.toString()));
    }

    /** @param phc the hash to store for the draft's password (slow for a plain one: never inside a transaction) */
    private Identity build(TenantId tenant, IdentityId id, IdentityDraft given, Optional<Identity> current, Instant now,
                           Function<IdentityDraft.PasswordInput, String> phc) {
        String schemaId = given.schemaId().orElseGet(() -> current.map(Identity::schemaId).orElse(schemas.defaultSchema().id()));
        IdentitySchema schema = schemas.find(schemaId)
                .orElseThrow(() -> ApiException.invalid("schema_id", "no identity schema with this id"));
        IdentityDraft draft = withPhonesNormalised(schema, given);
        List<TraitError> traitErrors = schema.validate(draft.traits());
        if (!traitErrors.isEmpty()) {
            throw new ApiException(ApiError.VALIDATION_FAILED, "The traits do not match the identity schema",
                    traitErrors.stream().map(t -> new ApiException.FieldError(t.path(), t.text())).toList());
        }
        IdentityState state = draft.state().orElseGet(() -> current.map(Identity::state).orElse(IdentityState.ACTIVE));
        Instant stateChangedAt = current.filter(c -> c.state() == state).map(Identity::stateChangedAt).orElse(now);
        return new Identity(id, tenant, schema.id(), state, stateChangedAt, draft.traits(),
                draft.metadataPublic(), draft.metadataAdmin(),
                verifiableAddresses(schema, draft, current, now), recoveryAddresses(schema, draft, current, now),
                credentials(schema, draft, current, now, phc),
                current.map(Identity::createdAt).orElse(now), now, current.map(Identity::version).orElse(0L));
    }

    /** The draft with its phone traits, and imported addresses reached by SMS, in E.164. */
    private IdentityDraft withPhonesNormalised(IdentitySchema schema, IdentityDraft draft) {
        if (!schema.hasPhoneTraits()) {
            return draft;
        }
        List<IdentityDraft.ImportedAddress> addresses = draft.importedAddresses().stream()
                .map(a -> !"sms".equals(a.via()) ? a
                        : new IdentityDraft.ImportedAddress(a.via(), phones.e164(a.value()).orElse(a.value()), a.verified(), a.status()))
                .toList();
        return new IdentityDraft(draft.schemaId(), normaliseTraits(schema, draft.traits()), draft.state(), draft.metadataPublic(),
                draft.metadataAdmin(), draft.password(), addresses);
    }

    private Map<CredentialType, Credential> credentials(IdentitySchema schema, IdentityDraft draft, Optional<Identity> current,
                                                        Instant now, Function<IdentityDraft.PasswordInput, String> hash) {
        Map<CredentialType, Credential> out = new EnumMap<>(CredentialType.class);
        current.ifPresent(c -> out.putAll(c.credentials()));
        List<String> identifiers = schema.identifiers(CredentialKind.PASSWORD, draft.traits());
        Optional<Credential> existing = Optional.ofNullable(out.get(CredentialType.PASSWORD));
        if (draft.password().isPresent()) {
            if (identifiers.isEmpty()) {
                throw ApiException.invalid("traits", "the schema marks no trait with a value as password identifier");
            }
            String phc = hash.apply(draft.password().get());
            JsonObject config = JsonP.createObjectBuilder().add("hashed_password", phc).build();
            out.put(CredentialType.PASSWORD, new Credential(CredentialType.PASSWORD, identifiers, config, 0,
                    existing.map(Credential::createdAt).orElse(now), now));
        } else if (existing.isPresent()) {
            Credential e = existing.get();
            out.put(CredentialType.PASSWORD, new Credential(e.type(), identifiers, e.config(), e.version(), e.createdAt(),
                    e.identifiers().equals(identifiers) ? e.updatedAt() : now));
        }
        codeCredential(schema.codeAddresses(draft.traits()), Optional.ofNullable(out.get(CredentialType.CODE)), now)
                .ifPresentOrElse(c -> out.put(CredentialType.CODE, c), () -> out.remove(CredentialType.CODE));
        return out;
    }

    /**
     * The {@code code} credential (sign-in by one-time code) follows the traits the schema marks as code
     * identifiers; it holds no secret, only the addresses, and makes them unique like password identifiers.
     */
    private static Optional<Credential> codeCredential(List<Address> codeAddresses, Optional<Credential> existing, Instant now) {
        if (codeAddresses.isEmpty()) {
            return Optional.empty();
        }
        List<String> identifiers = codeAddresses.stream().map(Address::value).distinct().toList();
        var addresses = JsonP.createArrayBuilder();
        codeAddresses.forEach(a -> addresses.add(JsonP.createObjectBuilder().add("channel", a.via()).add("address", a.value())));
        JsonObject config = JsonP.createObjectBuilder().add("addresses", addresses).build();
        return Optional.of(new Credential(CredentialType.CODE, identifiers, config, existing.map(Credential::version).orElse(0),
                existing.map(Credential::createdAt).orElse(now),
                existing.filter(e -> e.identifiers().equals(identifiers)).map(Credential::updatedAt).orElse(now)));
    }

    /** The hash to store: a plain password hashed now, or an imported hash in a format we can verify. */
    private String phc(IdentityDraft.PasswordInput input) {
        if (input instanceof IdentityDraft.PlainPassword p) {
            return hasher.hash(p.password());
        }
        String imported = ((IdentityDraft.HashedPassword) input).phc();
        if (!PasswordHasher.isSupported(imported)) {
            throw ApiException.invalid("credentials.password.config.hashed_password",
                    "not a supported password hash (argon2id, argon2i, bcrypt, pbkdf2-sha256, pbkdf2-sha512 in PHC format)");
        }
        return imported;
    }

    private static List<VerifiableAddress> verifiableAddresses(IdentitySchema schema, IdentityDraft draft,
                                                               Optional<Identity> current, Instant now) {
        List<VerifiableAddress> out = new ArrayList<>();
        for (Address a : schema.verifiableAddresses(draft.traits())) {
            Optional<VerifiableAddress> kept = current.stream().flatMap(c -> c.verifiableAddresses().stream())
                    .filter(v -> v.via().equals(a.via()) && v.value().equals(a.value())).findFirst();
            Optional<IdentityDraft.ImportedAddress> imported = draft.importedAddresses().stream()
                    .filter(v -> v.via().equals(a.via()) && v.value().equals(a.value())).findFirst();
            if (imported.isPresent()) {
                IdentityDraft.ImportedAddress i = imported.get();
                out.add(new VerifiableAddress(kept.map(VerifiableAddress::id).orElseGet(UUID::randomUUID), a.via(), a.value(),
                        i.verified(), i.status(), i.verified() ? kept.map(VerifiableAddress::verifiedAt).filter(x -> x != null).orElse(now) : null,
                        kept.map(VerifiableAddress::createdAt).orElse(now), now));
            } else if (kept.isPresent()) {
                out.add(kept.get());
            } else {
                out.add(new VerifiableAddress(UUID.randomUUID(), a.via(), a.value(), false, VerifiableAddress.Status.PENDING,
                        null, now, now));
            }
        }
        return out;
    }

    private static List<RecoveryAddress> recoveryAddresses(IdentitySchema schema, IdentityDraft draft,
                                                           Optional<Identity> current, Instant now) {
        List<RecoveryAddress> out = new ArrayList<>();
        for (Address a : schema.recoveryAddresses(draft.traits())) {
            out.add(current.stream().flatMap(c -> c.recoveryAddresses().stream())
                    .filter(r -> r.via().equals(a.via()) && r.value().equals(a.value())).findFirst()
                    .orElseGet(() -> new RecoveryAddress(UUID.randomUUID(), a.via(), a.value(), now, now)));
        }
        return out;
    }

    private static ApiException duplicate() {
        return ApiException.conflict("An account with the same identifier (email, phone, username, ...) exists already.");
    }

    private static ApiException notFound() {
        return ApiException.notFound("No identity with this id");
    }
}
