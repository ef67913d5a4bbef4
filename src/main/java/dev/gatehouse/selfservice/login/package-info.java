/**
 * The login flow: the password method, the {@code code} method and sign-in link ({@code CodeLogin}), and
 * brute-force protection that counts failed sign-ins per identifier and per client address in the database.
 */
package dev.gatehouse.selfservice.login;
