/** {@code /admin/audit/alerts}: creating, reading, changing and deleting a tenant's alert rules. */
package dev.gatehouse.audit.alert.api;
