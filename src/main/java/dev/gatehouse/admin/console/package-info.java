/**
 * The admin console's foundation: sign-in through Gatehouse's own token server (one public client per tenant,
 * authorization code with PKCE), the console user and role kept in the HTTP session per tenant, the guard that maps
 * page paths to roles and checks every form's CSRF token, and what every console page shares.
 */
package dev.gatehouse.admin.console;
