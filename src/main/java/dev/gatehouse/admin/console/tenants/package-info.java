/** The console's tenants pages, for the default tenant's console only: list, create, a tenant's hosts and settings. */
package dev.gatehouse.admin.console.tenants;
