package dev.gatehouse.oauth2.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validated client metadata from a registration or an update, with the defaults applied: everything a client
 * is except its id (the request may propose one) and its registration time. {@link ClientMetadataParser} makes it.
 *
 * @param clientId       the client id the request asked for, if any
 * @param secret         the client secret the request chose, if any (at least 6 characters, as in Hydra)
 * @param presentFields  the fields the request actually set (dynamic registration refuses some of them)
 */
public record ClientMetadata(Optional<String> clientId, Optional<String> secret, Set<String> presentFields,
                             String clientName, List<String> redirectUris, List<String> postLogoutRedirectUris,
                             Set<String> grantTypes, Set<String> responseTypes, Set<String> scopes,
                             Set<String> audience, TokenEndpointAuthMethod tokenEndpointAuthMethod,
                             Optional<String> jwks, Optional<URI> jwksUri, boolean skipConsent,
                             AccessTokenStrategy accessTokenStrategy, TokenLifespans lifespans,
                             Optional<URI> backchannelLogoutUri, boolean backchannelLogoutSessionRequired,
                             String metadata) {

    public ClientMetadata {
        presentFields = Set.copyOf(presentFields);
    }

    /** Whether clients with this auth method authenticate with a secret (and so get one). */
    public boolean needsSecret() {
        return tokenEndpointAuthMethod == TokenEndpointAuthMethod.CLIENT_SECRET_BASIC
                || tokenEndpointAuthMethod == TokenEndpointAuthMethod.CLIENT_SECRET_POST;
    }

    public OAuth2Client toClient(String id, Instant createdAt) {
        return new OAuth2Client(id, clientName, redirectUris, postLogoutRedirectUris, grantTypes, responseTypes, scopes,
                audience, tokenEndpointAuthMethod, jwks, jwksUri, skipConsent, accessTokenStrategy, lifespans,
                backchannelLogoutUri, backchannelLogoutSessionRequired, metadata, createdAt);
    }
}
