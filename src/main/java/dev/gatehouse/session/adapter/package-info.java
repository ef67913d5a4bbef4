/**
 * The session capability's side of other services' ports: identity sessions as the token server's
 * {@link dev.gatehouse.oauth2.port.IdentitySessions} (built-in login, logout, login session revocation) and as
 * the gateway's {@link dev.gatehouse.gateway.port.SessionLookup} ({@code cookie_session} and
 * {@code bearer_token} checked in process).
 */
package dev.gatehouse.session.adapter;
