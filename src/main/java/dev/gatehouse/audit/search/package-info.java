/**
 * Saved searches of the audit log: a named query of {@code /admin/audit/events} (its filters, time window and the
 * fields to show) that an admin keeps, versions, runs, exports (JSON, jsonnet), imports and renders as Loki LogQL.
 * Searches are kept per tenant in the database, or defined in jsonnet files of a configured directory (read-only
 * over the API).
 */
package dev.gatehouse.audit.search;
