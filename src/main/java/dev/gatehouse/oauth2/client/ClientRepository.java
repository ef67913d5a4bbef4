package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.ExpiredRows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where clients are kept. Every method is scoped by the tenant it is given; callers supply the transaction. */
public interface ClientRepository extends ExpiredRows {

    Optional<RegisteredClient> find(TenantId tenant, String clientId);

    /** Clients in registration order, optionally only those with exactly this name. */
    List<RegisteredClient> list(TenantId tenant, Optional<String> clientName, int offset, int limit);

    /** Stores a new client; {@link DuplicateClientException} if its client id is taken in the tenant. */
    void insert(RegisteredClient client);

    /** Replaces a stored client (same tenant and client id); false if there is none. */
    boolean update(RegisteredClient client);

    /** Deletes it (and the assertion ids seen for it); false if there was none. */
    boolean delete(TenantId tenant, String clientId);

    /**
     * Records the {@code jti} of a client assertion until {@code expiresAt}, dropping the client's expired ones.
     *
     * @return false if this jti was seen for this client before (a replay): nothing is written then
     */
    boolean recordAssertionId(TenantId tenant, String clientId, String jti, Instant expiresAt, Instant now);
}
