/**
 * The HTTP face of the authorization endpoint in Hydra's shape: {@code /oauth2/auth}, RP-initiated logout at
 * {@code /oauth2/sessions/logout}, and the admin API of login, consent and logout challenges and of login
 * sessions under {@code /admin/oauth2/auth/}.
 */
package dev.gatehouse.oauth2.authorize.api;
