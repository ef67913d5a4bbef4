/**
 * The HTTP face of OAuth 2.0 clients: Hydra's admin API {@code /admin/clients}, the client JSON in Hydra's field
 * names, and Dynamic Client Registration (RFC 7591/7592) at {@code /oauth2/register}.
 */
package dev.gatehouse.oauth2.client.api;
