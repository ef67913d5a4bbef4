/** The console's courier page: the tenant's outgoing messages by status and recipient, and retrying an abandoned one. */
package dev.gatehouse.admin.console.courier;
