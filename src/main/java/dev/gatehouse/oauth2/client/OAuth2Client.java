package dev.gatehouse.oauth2.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered client of the current tenant, as the protocol endpoints see it (no secret, no hash).
 * Immutable; the admin API builds new versions through the client package.
 *
 * @param clientId                 the public identifier
 * @param clientName               shown on the consent page
 * @param redirectUris             registered redirect URIs, matched exactly ({@link #allowsRedirectUri})
 * @param postLogoutRedirectUris   registered post-logout redirect URIs, matched exactly
 * @param grantTypes               e.g. {@code authorization_code}, {@code refresh_token}, {@code client_credentials}
 * @param responseTypes            e.g. {@code code}
 * @param scopes                   the scopes it may ask for
 * @param audience                 the audiences it may ask for
 * @param tokenEndpointAuthMethod  how it authenticates
 * @param jwks                     its public keys as a JWK Set JSON text (for {@code private_key_jwt}), if given inline
 * @param jwksUri                  where its public keys are, if not inline
 * @param skipConsent              first-party client: no consent screen
 * @param accessTokenStrategy      opaque or JWT access tokens
 * @param lifespans                its own token lifespans
 * @param backchannelLogoutUri     where logout tokens are POSTed (OpenID Connect Back-Channel Logout 1.0)
 * @param backchannelLogoutSessionRequired whether the logout token must carry {@code sid}
 * @param metadata                 free JSON object text, kept as given
 * @param createdAt                when it was registered
 */
public record OAuth2Client(String clientId, String clientName, List<String> redirectUris,
                           List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> responseTypes,
                           Set<String> scopes, Set<String> audience, TokenEndpointAuthMethod tokenEndpointAuthMethod,
                           Optional<String> jwks, Optional<URI> jwksUri, boolean skipConsent,
                           AccessTokenStrategy accessTokenStrategy, TokenLifespans lifespans,
                           Optional<URI> backchannelLogoutUri, boolean backchannelLogoutSessionRequired,
                           String metadata, Instant createdAt) {

    public OAuth2Client {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        grantTypes = Set.copyOf(grantTypes);
        responseTypes = Set.copyOf(responseTypes);
        scopes = Set.copyOf(scopes);
        audience = Set.copyOf(audience);
    }

    /** A public client has no secret and no key: PKCE is required for it. */
    public boolean isPublic() {
        return tokenEndpointAuthMethod == TokenEndpointAuthMethod.NONE;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean allowsScopes(Set<String> requested) {
        return scopes.containsAll(requested);
    }

    public boolean allowsAudience(Set<String> requested) {
        return audience.containsAll(requested);
    }

    /**
     * Exact string match against a registered redirect URI, except that for a registered loopback URI
     * ({@code http://127.0.0.1} or {@code http://[::1]}) any port matches (RFC 8252 §7.3).
     */
    public boolean allowsRedirectUri(String candidate) {
        return RedirectUris.matchesAny(redirectUris, candidate);
    }

    /** Exact string match against a registered post-logout redirect URI. */
    public boolean allowsPostLogoutRedirectUri(String candidate) {
        return candidate != null && postLogoutRedirectUris.contains(candidate);
    }
}
