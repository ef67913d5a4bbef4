/**
 * What the token server asks of the identity service, as small interfaces it owns (ports): the claims of a
 * subject ({@link dev.gatehouse.oauth2.port.SubjectClaims}), the browser's identity session
 * ({@link dev.gatehouse.oauth2.port.IdentitySessions}) and the slow hash of short client secrets
 * ({@link dev.gatehouse.oauth2.port.SlowHash}). The identity service implements them with adapters in its own
 * packages, so the token server imports nothing of identities, sessions, credentials or self-service and builds
 * and tests on its own.
 */
package dev.gatehouse.oauth2.port;
