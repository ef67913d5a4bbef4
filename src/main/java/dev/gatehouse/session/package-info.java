/**
 * Sessions: what signing in produces. A browser holds the session token in an HttpOnly cookie, an API
 * client as {@code X-Session-Token}; the server keeps only an HMAC of it.
 */
package dev.gatehouse.session;
