package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The clients of the request's tenant, for the protocol endpoints: {@link ClientLookup} and the reads and
 * replay records client authentication needs.
 */
@ApplicationScoped
public class ClientDirectory implements ClientLookup {

    private ClientRepository repository;
    private CurrentTenant tenant;
    private Clock clock;

    protected ClientDirectory() {
    }

    @Inject
    public ClientDirectory(ClientRepository repository, CurrentTenant tenant, Clock clock) {
        this.repository = repository;
        this.tenant = tenant;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<OAuth2Client> find(String clientId) {
        return registered(clientId).map(RegisteredClient::client);
    }

    /** The client with its secret hash. */
    @Transactional
    public Optional<RegisteredClient> registered(String clientId) {
        return clientId == null ? Optional.empty() : repository.find(tenant.id(), clientId);
    }

    /**
     * Records an assertion's jti. Client authentication runs outside any transaction, so this is a transaction of
     * its own and the jti stays spent even if the request it came with fails later. False if it was seen before.
     */
    @Transactional
    public boolean firstUseOfAssertion(String clientId, String jti, Instant expiresAt) {
        return repository.recordAssertionId(tenant.id(), clientId, jti, expiresAt, clock.instant());
    }
}
