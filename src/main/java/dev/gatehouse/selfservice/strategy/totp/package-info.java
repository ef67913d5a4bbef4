/**
 * The {@code totp} method (Kratos' {@code totp} strategy): an authenticator app as a second factor. In settings
 * the holder of a recent sign-in scans a QR code (or types the secret), proves it with a first code and may
 * unlink it again; at sign-in a code raises the session to {@code aal2}. The credential keeps the secret's
 * {@code otpauth://} URL and the last time step used, so a code is accepted once; wrong codes count towards the
 * identity's second-factor lock of the login throttle.
 */
package dev.gatehouse.selfservice.strategy.totp;
