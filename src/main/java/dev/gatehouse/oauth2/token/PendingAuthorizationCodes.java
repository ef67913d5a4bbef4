package dev.gatehouse.oauth2.token;


import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the real implementation lands; its implementer deletes this class. */
@ApplicationScoped
public class PendingAuthorizationCodes implements AuthorizationCodes {

    @Override
    public String issue(AuthorizationGrant grant) {
        throw new IllegalStateException("authorization codes are not implemented yet");
    }
}
