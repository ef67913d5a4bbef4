package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Registers, changes and deletes clients of a tenant, for the admin API and dynamic registration alike. Secrets
 * and registration access tokens are generated here (256 bits), returned once, and stored only as HMACs.
 */
@ApplicationScoped
public class ClientService {

    /** Prefix of registration access tokens, so a leaked one is recognisable. */
    static final String REGISTRATION_TOKEN_PREFIX = "gh_rat_";

    private ClientRepository repository;
    private TokenHasher hasher;
    private SecurityEvents events;
    private Clock clock;

    protected ClientService() {
    }

    @Inject
    public ClientService(ClientRepository repository, TokenHasher hasher, SecurityEvents events, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Optional<RegisteredClient> find(TenantId tenant, String clientId) {
        return repository.find(tenant, clientId);
    }

    @Transactional
    public List<RegisteredClient> list(TenantId tenant, Optional<String> clientName, int offset, int limit) {
        return repository.list(tenant, clientName, offset, limit);
    }

    /**
     * Registers a client: its id as asked or a new UUID, its secret as chosen or generated (only for methods that
     * use one); a dynamically registered client also gets a registration access token.
     */
    @Transactional
    public ClientRegistration create(TenantId tenant, ClientMetadata metadata, boolean dynamic, String actor) {
        Instant now = now();
        String id = metadata.clientId().orElseGet(() -> Ids.uuid().toString());
        Optional<String> secret = metadata.needsSecret() ? Optional.of(metadata.secret().orElseGet(Ids::token)) : Optional.empty();
        Optional<String> token = dynamic ? Optional.of(REGISTRATION_TOKEN_PREFIX + Ids.token()) : Optional.empty();
        RegisteredClient client = new RegisteredClient(tenant, metadata.toClient(id, now), secret.map(hasher::hash),
                token.map(hasher::hash), now);
        try {
            repository.insert(client);
        } catch (DuplicateClientException e) {
            throw ApiException.conflict("A client with this client_id exists already");
        }
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_CREATED, client, actor)
                .detail("dynamic", dynamic)
                .detail("client_auth", secret.isEmpty() ? "no secret" : metadata.secret().isPresent() ? "secret chosen" : "secret generated"));
        return new ClientRegistration(client, secret, token);
    }

    /**
     * Replaces a client's metadata. Its secret stays unless a new one is given; a client that now needs a secret and
     * has none gets a generated one; a client that no longer uses a secret loses it.
     */
    @Transactional
    public ClientRegistration replace(TenantId tenant, String clientId, ClientMetadata metadata, String actor) {
        RegisteredClient current = repository.find(tenant, clientId).orElseThrow(ClientService::notFound);
        if (metadata.clientId().filter(id -> !id.equals(clientId)).isPresent()) {
            throw new InvalidClientMetadataException(List.of(new InvalidClientMetadataException.Violation(
                    "client_id", "cannot be changed", InvalidClientMetadataException.Kind.METADATA)));
        }
        Optional<String> newSecret = Optional.empty();
        Optional<String> secretHash = Optional.empty();
        if (metadata.needsSecret()) {
            newSecret = metadata.secret().or(() -> current.secretHash().isPresent() ? Optional.empty() : Optional.of(Ids.token()));
            secretHash = newSecret.map(hasher::hash).or(current::secretHash);
        }
        RegisteredClient updated = new RegisteredClient(tenant, metadata.toClient(clientId, current.client().createdAt()),
                secretHash, current.registrationTokenHash(), now());
        if (!repository.update(updated)) {
            throw notFound();
        }
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_UPDATED, updated, actor)
                .detail("client_auth", newSecret.isPresent() ? "secret replaced" : secretHash.isPresent() ? "secret unchanged" : "no secret"));
        return new ClientRegistration(updated, newSecret, Optional.empty());
    }

    @Transactional
    public void delete(TenantId tenant, String clientId, String actor) {
        RegisteredClient current = repository.find(tenant, clientId).orElseThrow(ClientService::notFound);
        repository.delete(tenant, clientId);
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_DELETED, current, actor));
    }

    private SecurityEvent.Builder event(SecurityEventType type, RegisteredClient client, String actor) {
        return SecurityEvent.of(type, Outcome.SUCCESS).tenant(client.tenant().value()).actor(actor)
                .subject(client.clientId()).client(client.clientId())
                .detail("token_endpoint_auth_method", client.client().tokenEndpointAuthMethod().wire());
    }

    /** Whole seconds, as Hydra keeps them, so what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static ApiException notFound() {
        return ApiException.notFound("No client with this client_id");
    }
}
