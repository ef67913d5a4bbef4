package dev.gatehouse.identity;

import dev.gatehouse.kernel.tenant.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where identities are kept. Every method is scoped by the tenant it is given. */
public interface IdentityRepository {

    Optional<Identity> find(TenantId tenant, IdentityId id);

    /** The identity whose credential of this type has this (normalised) identifier. */
    Optional<Identity> findByIdentifier(TenantId tenant, CredentialType type, String identifier);

    /**
     * The identity with this address (compared ignoring case) among its verifiable or its recovery addresses
     * of the channel {@code via} (e.g. {@code email}), whether or not the address is also a sign-in identifier.
     */
    Optional<Identity> findByAddress(TenantId tenant, AddressPurpose purpose, String via, String address);

    /** Identities in creation order. */
    List<Identity> list(TenantId tenant, int offset, int limit);

    /**
     * Identities in creation order with a string trait named {@code trait} (at any depth of the traits) whose value
     * starts with {@code prefix}, ignoring case.
     */
    List<Identity> searchByTrait(TenantId tenant, String trait, String prefix, int offset, int limit);

    /** Records that the identity's credential of this type proved a sign-in at {@code at}, in the caller's transaction. */
    void markUsed(TenantId tenant, IdentityId id, CredentialType type, Instant at);

    /** Stores a new identity; {@link DuplicateIdentifierException} if an identifier or address is taken. */
    void insert(Identity identity);

    /** Replaces a stored identity (same id and tenant); {@link DuplicateIdentifierException} as for insert. */
    void update(Identity identity);

    /** Deletes it with its credentials and addresses; false if there was none. */
    boolean delete(TenantId tenant, IdentityId id);
}
