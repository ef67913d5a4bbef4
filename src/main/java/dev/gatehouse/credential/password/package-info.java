/**
 * The password credential: hashing new passwords with Argon2id ({@link dev.gatehouse.credential.password.PasswordHasher}),
 * verifying stored and imported hashes (Argon2, bcrypt, PBKDF2, parsed by
 * {@link dev.gatehouse.credential.password.PhcHash}), and the policy a new password must meet
 * ({@link dev.gatehouse.credential.password.PasswordPolicy}), reported with Ory Kratos' message ids
 * ({@link dev.gatehouse.credential.password.PolicyViolation}). Configured by
 * {@link dev.gatehouse.credential.password.PasswordConfig} ({@code gatehouse.password.*}); the policy keys are also
 * tenant settings ({@link dev.gatehouse.credential.password.PasswordTenantSettings}), and the policy applied is the current
 * tenant's. Flows (registration, login, settings) use it; it knows nothing of identities or HTTP.
 */
package dev.gatehouse.credential.password;
