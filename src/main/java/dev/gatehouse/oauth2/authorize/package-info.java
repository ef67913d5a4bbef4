/**
 * The authorization endpoint ({@code /oauth2/auth}, RFC 6749 §4.1, OpenID Connect Core §3.1.2) and Hydra's
 * login, consent and logout challenges: the endpoint validates the request, hands the browser to the login
 * app with a {@code login_challenge}, then to the consent app with a {@code consent_challenge}, and issues the
 * code when the consent verifier comes back from the same browser. {@code api/} holds the admin challenge API,
 * {@code ui/} the built-in login, consent and logout apps, which use the same service methods.
 */
package dev.gatehouse.oauth2.authorize;
