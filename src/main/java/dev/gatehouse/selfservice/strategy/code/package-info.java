/**
 * The {@code code} method: a six-digit one-time code mailed to an address, to sign in (with a sign-in link in
 * the same mail), to sign up without a password, to recover an account and to verify an address.
 */
package dev.gatehouse.selfservice.strategy.code;
