/**
 * JPA persistence of identities: the identity, credential, credential identifier, verifiable and recovery address
 * entities, their mapping to and from the domain types, and {@code JpaIdentityRepository}, which runs only inside
 * the caller's transaction.
 */
package dev.gatehouse.identity.jpa;
