package dev.gatehouse.oauth2.token;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the real implementation lands; its implementer deletes this class. */
@ApplicationScoped
public class PendingTokenRevocation implements TokenRevocation {

    @Override
    public int revokeForSubject(String subject, Optional<String> clientId) {
        throw new IllegalStateException("token revocation is not implemented yet");
    }
}
