package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;

/**
 * Why a login, consent or logout app refused (Hydra's {@code RejectOAuth2Request}); the client learns
 * {@code error} and {@code error_description} by redirect. {@code error_hint} and {@code error_debug} are
 * folded into the description as Hydra does.
 */
public record Rejection(OAuth2Error error, String description) {
}
