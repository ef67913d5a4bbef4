package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.TokenLifespans;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link AuthorizationCodes}: {@code ory_ac_} plus 256 random bits; only the code's HMAC is stored, with its
 * grant, for the client's code lifespan (default {@code gatehouse.oauth2.authorization-code.lifespan}).
 */
@ApplicationScoped
public class StoredAuthorizationCodes implements AuthorizationCodes {

    static final String PREFIX = "ory_ac_";

    @Inject
    TokenStore store;
    @Inject
    TokenHasher hasher;
    @Inject
    ClientLookup clients;
    @Inject
    TokenConfig config;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public String issue(AuthorizationGrant grant) {
        Instant now = clock.instant();
        TokenLifespans lifespans = clients.find(grant.clientId()).map(OAuth2Client::lifespans).orElse(TokenLifespans.DEFAULTS);
        Instant expires = now.plus(config.authorizationCode(lifespans));
        String code = PREFIX + Ids.token();
        store.insertGrant(tenant.id(), StoredGrant.ofCode(UUID.randomUUID(), grant, expires),
                Optional.of(hasher.hash(code)), expires);
        return code;
    }
}
