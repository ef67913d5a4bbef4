package dev.gatehouse.oauth2.client;

import java.util.Optional;

/** Finds a registered client of the current tenant by its id. */
public interface ClientLookup {

    Optional<OAuth2Client> find(String clientId);
}
