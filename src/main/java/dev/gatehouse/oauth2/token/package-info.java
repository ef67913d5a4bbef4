/**
 * The token endpoint ({@code /oauth2/token}, one {@code TokenGrantHandler} per grant type), authorization codes,
 * access/refresh/ID tokens and their storage, userinfo, introspection (RFC 7662) and revocation (RFC 7009).
 */
package dev.gatehouse.oauth2.token;
