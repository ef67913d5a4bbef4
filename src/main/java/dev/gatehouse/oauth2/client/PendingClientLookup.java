package dev.gatehouse.oauth2.client;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the real implementation lands; its implementer deletes this class. */
@ApplicationScoped
public class PendingClientLookup implements ClientLookup {

    @Override
    public Optional<OAuth2Client> find(String clientId) {
        throw new IllegalStateException("clients are not implemented yet");
    }
}
