/** HTTP surface of the signing keys: Hydra's admin {@code /admin/keys/{set}} and the public JWKS. */
package dev.gatehouse.jwk.api;
