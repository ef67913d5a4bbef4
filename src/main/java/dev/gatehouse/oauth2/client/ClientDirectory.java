package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.cache.BoundedCache;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of the request's tenant, for the protocol endpoints: {@link ClientLookup} and the reads and
 * replay records client authentication needs. A client read here is reused for {@code gatehouse.oauth2.client.cache-ttl}
 * (every token and introspection request authenticates one); a change made through this node drops it once the
 * change commits (the client's security event), other nodes see the change after the time to live.
 */
@ApplicationScoped
public class ClientDirectory implements ClientLookup {

    private static final int MAX_CACHED_CLIENTS = 10_000;
    private static final Set<SecurityEventType> CHANGES = EnumSet.of(SecurityEventType.OAUTH2_CLIENT_CREATED,
            SecurityEventType.OAUTH2_CLIENT_UPDATED, SecurityEventType.OAUTH2_CLIENT_DELETED);

    private ClientRepository repository;
    private CurrentTenant tenant;
    private Clock clock;
    private ClientConfig config;
    private Transactions transactions;
    private BoundedCache<CachedId, RegisteredClient> cache;
    /** Counts committed client changes, so a read that a change overtook is not kept. */
    private final AtomicLong changes = new AtomicLong();

    protected ClientDirectory() {
    }

    @Inject
    public ClientDirectory(ClientRepository repository, CurrentTenant tenant, Clock clock, ClientConfig config,
                           Transactions transactions) {
        this.repository = repository;
        this.tenant = tenant;
        this.clock = clock;
        this.config = config;
        this.transactions = transactions;
        this.cache = new BoundedCache<>(MAX_CACHED_CLIENTS, clock);
    }

    @Override
    @Transactional
    public Optional<OAuth2Client> find(String clientId) {
        return registered(clientId).map(RegisteredClient::client);
    }

    /**
     * The client with its secret hash, read in a short transaction of its own (or the caller's). An unknown client
     * id is not remembered, so a new client is found at once.
     */
    public Optional<RegisteredClient> registered(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        CachedId key = new CachedId(tenant.id(), clientId);
        Optional<RegisteredClient> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        long before = changes.get();
        Optional<RegisteredClient> read = transactions.call(() -> repository.find(key.tenant(), key.clientId()));
        // a client changed while this read ran may have been read as it was: keep only what no change overtook
        if (changes.get() == before) {
            read.ifPresent(c -> cache.put(key, c, clock.instant().plus(config.cacheTtl())));
        }
        return read;
    }

    /** Drops this node's copy of a client once its change or deletion has committed. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecurityEvent event) {
        if (CHANGES.contains(event.type()) && event.tenant() != null && event.client() != null) {
            changes.incrementAndGet();
            cache.remove(new CachedId(new TenantId(event.tenant()), event.client()));
        }
    }

    /**
     * Records an assertion's jti. Client authentication runs outside any transaction, so this is a transaction of
     * its own and the jti stays spent even if the request it came with fails later. False if it was seen before.
     */
    @Transactional
    public boolean firstUseOfAssertion(String clientId, String jti, Instant expiresAt) {
        return repository.recordAssertionId(tenant.id(), clientId, jti, expiresAt, clock.instant());
    }

    record CachedId(TenantId tenant, String clientId) {
    }
}
