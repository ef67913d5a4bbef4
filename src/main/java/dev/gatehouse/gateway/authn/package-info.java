/**
 * Authenticators ({@code noop}, {@code unauthorized}, {@code anonymous}, {@code cookie_session},
 * {@code bearer_token}, {@code jwt}, {@code oauth2_introspection}, {@code oauth2_client_credentials}): each a bean
 * implementing {@link dev.gatehouse.gateway.authn.Authenticator}, with a config record parsed once when a rule
 * that names it is loaded ({@code JwtConfig}, {@code IntrospectionConfig}, ...), and the caches that outlive a
 * request (JWKS, introspection answers, client-credentials tokens).
 */
package dev.gatehouse.gateway.authn;
