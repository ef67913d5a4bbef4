package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;

import java.util.Optional;

/**
 * What checking an authorization request gives: a valid request, an error the client learns by redirect
 * (RFC 6749 §4.1.2.1: only once client and redirect URI are known good), or an error for the user's eyes only
 * (an error page, never a redirect, so that an unchecked {@code redirect_uri} cannot make us an open redirector).
 */
public sealed interface AuthorizationOutcome {

    record Valid(AuthorizationRequest request) implements AuthorizationOutcome {
    }

    record Redirect(String redirectUri, OAuth2Error error, String description, Optional<String> state)
            implements AuthorizationOutcome {
    }

    record Page(OAuth2Error error, String description) implements AuthorizationOutcome {
    }
}
