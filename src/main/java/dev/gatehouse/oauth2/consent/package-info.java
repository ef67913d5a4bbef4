/**
 * Consents users gave to clients (Hydra's consent sessions): remembered ones make the next authorization request
 * skip the consent screen; the admin API {@code /admin/oauth2/auth/sessions/consent} lists and revokes them (and,
 * through {@link dev.gatehouse.oauth2.token.TokenRevocation}, the tokens issued under them).
 */
package dev.gatehouse.oauth2.consent;
