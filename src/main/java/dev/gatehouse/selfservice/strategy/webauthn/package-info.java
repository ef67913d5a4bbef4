/**
 * The {@code webauthn} method (Kratos' {@code webauthn} strategy): security keys as a second factor, several named
 * keys per identity enrolled and removed in settings, asked for by the login flow that raises a session to
 * {@code aal2}. Also what the {@code passkey} method shares: the relying party of the request's tenant
 * ({@code gatehouse.webauthn.*}, tenant settings), the stored shape of keys (Kratos' config) and the options nodes,
 * whose challenge is read back from the flow kept on the server.
 */
package dev.gatehouse.selfservice.strategy.webauthn;
