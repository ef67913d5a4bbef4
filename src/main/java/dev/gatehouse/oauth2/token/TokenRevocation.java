package dev.gatehouse.oauth2.token;

import java.util.Optional;

/** Revokes tokens when what they were issued under goes away (consent revoked, identity deleted). */
public interface TokenRevocation {

    /**
     * Revokes every access and refresh token of {@code subject} in the current tenant, for one client or all.
     *
     * @return how many tokens were revoked
     */
    int revokeForSubject(String subject, Optional<String> clientId);
}
