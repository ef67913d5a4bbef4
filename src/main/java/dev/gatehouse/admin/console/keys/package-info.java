/** The console's signing keys page: the tenant's key sets and keys, a rotation and an early retirement, as the admin API does. */
package dev.gatehouse.admin.console.keys;
