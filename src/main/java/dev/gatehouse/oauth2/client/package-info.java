/**
 * Registered OAuth 2.0 clients with Hydra's fields: the admin API {@code /admin/clients}, dynamic client
 * registration (RFC 7591/7592) at {@code /oauth2/register}, redirect URI rules and client authentication at the
 * token, introspection and revocation endpoints ({@link dev.gatehouse.oauth2.client.ClientAuthenticator}).
 */
package dev.gatehouse.oauth2.client;
