/**
 * The admin API of remembered consents in Hydra's shape: listing and revoking a subject's consent sessions at
 * {@code /admin/oauth2/auth/sessions/consent} (revoking also revokes the tokens issued under them).
 */
package dev.gatehouse.oauth2.consent.api;
