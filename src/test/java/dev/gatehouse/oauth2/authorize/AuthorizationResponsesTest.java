package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthorizationResponsesTest {

    @Test
    void errorWhenRedirectUriHasQueryThenParametersAreAppendedAndEncoded() {
        assertEquals("https://app.example/cb?x=1&error=access_denied&error_description=no%20%26%20never&state=a%2Bb"
                        + "&iss=https%3A%2F%2Fid.example",
                AuthorizationResponses.error("https://app.example/cb?x=1", OAuth2Error.ACCESS_DENIED, "no & never",
                        Optional.of("a+b"), "https://id.example"));
    }

    @Test
    void withParameterWhenUrlHasNoQueryThenStartsOne() {
        assertEquals("https://id.example/oauth2/auth?login_verifier=v", AuthorizationResponses.withParameter(
                "https://id.example/oauth2/auth", "login_verifier", "v"));
        assertEquals("https://id.example/oauth2/auth?a=b&login_verifier=v", AuthorizationResponses.withParameter(
                "https://id.example/oauth2/auth?a=b", "login_verifier", "v"));
    }
}
