package dev.gatehouse.oauth2.authorize;

import java.time.Duration;
import java.util.List;

/**
 * What the consent app decided when it accepted a consent request (Hydra's {@code AcceptOAuth2ConsentRequest}).
 *
 * @param rememberFor       how long the consent is remembered; zero means until revoked
 * @param idTokenClaims     {@code session.id_token}: extra ID token claims, a JSON object text
 * @param accessTokenClaims {@code session.access_token}: extra access token claims, a JSON object text
 */
public record ConsentDecision(List<String> grantScope, List<String> grantAudience, boolean remember,
                              Duration rememberFor, String idTokenClaims, String accessTokenClaims) {

    public ConsentDecision {
        grantScope = List.copyOf(grantScope);
        grantAudience = List.copyOf(grantAudience);
    }
}
