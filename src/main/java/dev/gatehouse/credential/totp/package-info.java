/**
 * The TOTP credential (<a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>), Ory Kratos' {@code totp}
 * method: generating a shared secret and the {@code otpauth://} URI and QR code an authenticator app scans
 * ({@link dev.gatehouse.credential.totp.TotpSecret}), and checking a presented code within one time step of
 * clock drift while refusing a code whose step was already used ({@link dev.gatehouse.credential.totp.Totp}).
 * It knows nothing of identities, flows or HTTP; the self-service method stores the secret and the last used step.
 */
package dev.gatehouse.credential.totp;
