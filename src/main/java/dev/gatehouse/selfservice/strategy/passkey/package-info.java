/**
 * The {@code passkey} method (Kratos' {@code passkey} strategy): a discoverable WebAuthn credential that replaces
 * the password. Sign-up in two steps (the identifier traits, then the passkey made for them), sign-in without a user
 * name (the answer's user handle finds the identity within the tenant), and passkeys added and removed in settings.
 * A passkey sign-in is {@code aal1}, as in Kratos. Options, stored shape and relying party come from
 * {@link dev.gatehouse.selfservice.strategy.webauthn}.
 */
package dev.gatehouse.selfservice.strategy.passkey;
