/**
 * The token server: OAuth 2.0 (RFC 6749) and OpenID Connect provider with Ory Hydra's paths and JSON shapes.
 * Sub-packages: {@code client} (registered clients, client authentication), {@code authorize} (the
 * authorization endpoint and Hydra's login/consent/logout challenges), {@code consent} (remembered consents),
 * {@code token} (the token endpoint, one handler per grant, token storage, userinfo, introspection, revocation),
 * {@code port} (what it asks of the identity service) and {@code adapter} (its side of the gateway's ports). Signing
 * keys live in {@code dev.gatehouse.jwk}. Every error of the protocol endpoints is an
 * {@link dev.gatehouse.oauth2.OAuth2Exception}.
 */
package dev.gatehouse.oauth2;
