/**
 * The {@code password} method: sign in with an identifier and a password (argon2-verified holding no database
 * connection, failures counted and locked out by the login throttle), sign up with one, and change it in settings.
 */
package dev.gatehouse.selfservice.strategy.password;
