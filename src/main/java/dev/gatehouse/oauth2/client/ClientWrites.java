package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The transactions of {@link ClientService}: each method reads and writes one client and fires its event. A chosen
 * secret arrives already hashed, so no slow work runs while a connection is held; what is generated here (secrets and
 * registration access tokens of 256 bits) only needs an HMAC.
 */
@ApplicationScoped
public class ClientWrites {

    /** Prefix of registration access tokens, so a leaked one is recognisable. */
    static final String REGISTRATION_TOKEN_PREFIX = "gh_rat_";

    /** A secret in clear, to show once, with what is stored of it. */
    public record NewSecret(String secret, String hash) {
    }

    private ClientRepository repository;
    private ClientSecrets secrets;
    private TokenHasher hasher;
    private SecurityEvents events;
    private Clock clock;

    protected ClientWrites() {
    }

    @Inject
    public ClientWrites(ClientRepository repository, ClientSecrets secrets, TokenHasher hasher, SecurityEvents events,
                        Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /** @see ClientService#create */
    @Transactional
    public ClientRegistration create(TenantId tenant, ClientMetadata metadata, Optional<NewSecret> chosen, boolean dynamic,
                                     String actor) {
        Instant now = now();
        String id = metadata.clientId().orElseGet(() -> Ids.uuid().toString());
        Optional<NewSecret> secret = metadata.needsSecret() ? Optional.of(chosen.orElseGet(this::generated)) : Optional.empty();
        Optional<String> token = dynamic ? Optional.of(REGISTRATION_TOKEN_PREFIX + Ids.token()) : Optional.empty();
        RegisteredClient client = new RegisteredClient(tenant, metadata.toClient(id, now), secret.map(NewSecret::hash),
                token.map(hasher::hash), now);
        try {
            repository.insert(client);
        } catch (DuplicateClientException e) {
            throw ApiException.conflict("A client with this client_id exists already");
        }
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_CREATED, client, actor)
                .detail("dynamic", dynamic)
                .detail("client_auth", secret.isEmpty() ? "no secret" : chosen.isPresent() ? "secret chosen" : "secret generated"));
        return new ClientRegistration(client, secret.map(NewSecret::secret), token);
    }

    /** @see ClientService#replace */
    @Transactional
    public ClientRegistration replace(TenantId tenant, String clientId, ClientMetadata metadata, Optional<NewSecret> chosen,
                                      String actor) {
        RegisteredClient current = repository.find(tenant, clientId).orElseThrow(ClientWrites::notFound);
        Optional<NewSecret> fresh = Optional.empty();
        Optional<String> secretHash = Optional.empty();
        if (metadata.needsSecret()) {
            fresh = chosen.or(() -> current.secretHash().isPresent() ? Optional.empty() : Optional.of(generated()));
            secretHash = fresh.map(NewSecret::hash).or(current::secretHash);
        }
        RegisteredClient updated = new RegisteredClient(tenant, metadata.toClient(clientId, current.client().createdAt()),
                secretHash, current.registrationTokenHash(), now());
        if (!repository.update(updated)) {
            throw notFound();
        }
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_UPDATED, updated, actor)
                .detail("client_auth", fresh.isPresent() ? "secret replaced" : secretHash.isPresent() ? "secret unchanged" : "no secret"));
        return new ClientRegistration(updated, fresh.map(NewSecret::secret), Optional.empty());
    }

    /** @see ClientService#delete */
    @Transactional
    public void delete(TenantId tenant, String clientId, String actor) {
        RegisteredClient current = repository.find(tenant, clientId).orElseThrow(ClientWrites::notFound);
        repository.delete(tenant, clientId);
        events.fire(event(SecurityEventType.OAUTH2_CLIENT_DELETED, current, actor));
    }

    /** A generated secret: 256 bits (43 characters), so it is kept as a fast HMAC. */
    private NewSecret generated() {
        String secret = Ids.token();
        return new NewSecret(secret, secrets.hash(secret));
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

    private static ApiException notFound() {
        return ApiException.notFound("No client with this client_id");
    }
}
