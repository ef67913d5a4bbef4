/**
 * The HTTP face of the token server's protocol endpoints: {@code /oauth2/token}, {@code /userinfo}, introspection
 * (public and Hydra's admin path), revocation, and the client authentication and throttling they share; the
 * answers are never cached.
 */
package dev.gatehouse.oauth2.token.api;
