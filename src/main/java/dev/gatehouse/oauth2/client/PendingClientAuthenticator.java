package dev.gatehouse.oauth2.client;


import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the real implementation lands; its implementer deletes this class. */
@ApplicationScoped
public class PendingClientAuthenticator implements ClientAuthenticator {

    @Override
    public OAuth2Client authenticate(ClientAuthenticationRequest request) {
        throw new IllegalStateException("client authentication is not implemented yet");
    }
}
