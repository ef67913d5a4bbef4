/**
 * Signing keys: key sets in Hydra's shape ({@code /admin/keys/{set}}), RS256 and ES256 keys with a {@code kid},
 * private keys encrypted at rest (AES-GCM) under a key-encryption key from configuration, scheduled rotation
 * with overlap, and the public {@code /.well-known/jwks.json}. Other capabilities sign and verify only through
 * {@link dev.gatehouse.jwk.JwtSigning}.
 */
package dev.gatehouse.jwk;
