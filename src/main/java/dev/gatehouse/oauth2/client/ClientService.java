package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.ClientWrites.NewSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Registers, changes and deletes clients of a tenant, for the admin API and dynamic registration alike. Secrets
 * and registration access tokens are generated (256 bits) or chosen, returned once, and stored only hashed
 * ({@link ClientSecrets}). A chosen secret is hashed before the write's transaction ({@link ClientWrites}) begins,
 * since a short one takes an argon2id hash: so {@link #create} and {@link #replace} must not be called inside one.
 */
@ApplicationScoped
public class ClientService {

    private ClientRepository repository;
    private ClientWrites writes;
    private ClientSecrets secrets;

    protected ClientService() {
    }

    @Inject
    public ClientService(ClientRepository repository, ClientWrites writes, ClientSecrets secrets) {
        this.repository = repository;
        this.writes = writes;
        this.secrets = secrets;
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
    public ClientRegistration create(TenantId tenant, ClientMetadata metadata, boolean dynamic, String actor) {
        return writes.create(tenant, metadata, chosen(metadata), dynamic, actor);
    }

    /**
     * Replaces a client's metadata. Its secret stays unless a new one is given; a client that now needs a secret and
     * has none gets a generated one; a client that no longer uses a secret loses it.
     */
    public ClientRegistration replace(TenantId tenant, String clientId, ClientMetadata metadata, String actor) {
        if (metadata.clientId().filter(id -> !id.equals(clientId)).isPresent()) {
            throw new InvalidClientMetadataException(List.of(new InvalidClientMetadataException.Violation(
                    "client_id", "cannot be changed", InvalidClientMetadataException.Kind.METADATA)));
        }
        return writes.replace(tenant, clientId, metadata, chosen(metadata), actor);
    }

    public void delete(TenantId tenant, String clientId, String actor) {
        writes.delete(tenant, clientId, actor);
    }

    /** The chosen secret with its hash, computed here, outside any transaction. */
    private Optional<NewSecret> chosen(ClientMetadata metadata) {
        return metadata.secret().filter(s -> metadata.needsSecret()).map(s -> new NewSecret(s, secrets.hash(s)));
    }
}
