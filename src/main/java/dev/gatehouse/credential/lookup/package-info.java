/**
 * The recovery-code credential, Ory Kratos' {@code lookup_secret} method: a set of twelve single-use codes an
 * identity writes down when it sets up a second factor and uses when its authenticator is lost
 * ({@link dev.gatehouse.credential.lookup.RecoveryCodes}). The set is stored as keyed hashes with the time each code
 * was used ({@link dev.gatehouse.credential.lookup.RecoveryCodeSet}); a new set replaces the old one whole. It
 * knows nothing of identities, flows or HTTP.
 */
package dev.gatehouse.credential.lookup;
