/**
 * JPA persistence of OAuth 2.0 clients and of the {@code jti} of used {@code private_key_jwt} client assertions,
 * so a replayed assertion fails on every node.
 */
package dev.gatehouse.oauth2.client.jpa;
