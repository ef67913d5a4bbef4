/**
 * The admin surface ({@code /admin/**}): how it is authenticated. Until the token server issues admin
 * tokens, an admin API key from configuration is the credential; it stays as the break-glass key later.
 */
package dev.gatehouse.admin;
