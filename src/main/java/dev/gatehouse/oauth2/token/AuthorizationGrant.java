package dev.gatehouse.oauth2.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a user granted a client through the authorization endpoint, login and consent: everything the token
 * endpoint needs to redeem the code and to issue ID tokens later on refresh.
 *
 * @param clientId            the client the code was issued to
 * @param subject             the user (identity id) the login was accepted for
 * @param grantedScopes       the scopes granted at consent
 * @param grantedAudience     the audiences granted at consent
 * @param redirectUri         the redirect_uri the authorization request named, if it named one (it may be left out
 *                            when the client has a single one); then the token request must repeat it (RFC 6749 §4.1.3)
 * @param codeChallenge       the PKCE S256 challenge, if the request had one
 * @param nonce               the OpenID Connect nonce, if any
 * @param authTime            when the user actually authenticated (for {@code auth_time}, {@code max_age})
 * @param acr                 authentication context class reference accepted at login
 * @param amr                 authentication methods accepted at login
 * @param sessionId           the login session id ({@code sid} in ID and logout tokens), if the login was remembered
 * @param consentRequestId    the consent challenge it came from (revoking consent revokes its tokens)
 * @param idTokenClaims       extra ID token claims set at consent ({@code session.id_token}), a JSON object text
 * @param accessTokenClaims   extra access token claims set at consent ({@code session.access_token}), a JSON object text
 * @param requestedAt         when the authorization request arrived
 */
public record AuthorizationGrant(String clientId, String subject, Set<String> grantedScopes,
                                 Set<String> grantedAudience, Optional<String> redirectUri, Optional<String> codeChallenge,
                                 Optional<String> nonce, Instant authTime, Optional<String> acr, List<String> amr,
                                 Optional<String> sessionId, String consentRequestId, String idTokenClaims,
                                 String accessTokenClaims, Instant requestedAt) {

    public AuthorizationGrant {
        grantedScopes = Set.copyOf(grantedScopes);
        grantedAudience = Set.copyOf(grantedAudience);
        amr = List.copyOf(amr);
    }
}
