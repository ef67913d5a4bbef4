/**
 * The WebAuthn credential, for Ory Kratos' {@code webauthn} (second factor) and {@code passkey} (password-free)
 * methods: the relying party ({@link dev.gatehouse.credential.webauthn.RelyingParty}), the creation and request
 * options a browser passes to {@code navigator.credentials} ({@link dev.gatehouse.credential.webauthn.CreationOptions},
 * {@link dev.gatehouse.credential.webauthn.RequestOptions}), and the checks of what the authenticator answers
 * ({@link dev.gatehouse.credential.webauthn.RegistrationVerifier}, {@link dev.gatehouse.credential.webauthn.AssertionVerifier}),
 * which produce and update the stored {@link dev.gatehouse.credential.webauthn.WebAuthnCredential}. CBOR, COSE keys,
 * attestation statements and signatures are left to webauthn4j; every refusal is one
 * {@link dev.gatehouse.credential.webauthn.WebAuthnError}. It knows nothing of identities, flows or HTTP.
 */
package dev.gatehouse.credential.webauthn;
