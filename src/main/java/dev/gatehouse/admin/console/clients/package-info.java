/** The console's OAuth2 clients page: list, register, change and delete clients, and rotate a secret, as the admin API does. */
package dev.gatehouse.admin.console.clients;
