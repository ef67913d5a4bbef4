/**
 * The audit log's storage in hand JDBC: the outbox insert in the caller's transaction, the writer's batched move
 * into the chain, the query API's filtered keyset pages (built from whichever filters a request names, with
 * {@code LIKE … ESCAPE}), streamed reads for export and verification, and retention's prune, which on PostgreSQL
 * goes through the owner's {@code audit_prune} function. JPA could say none of these without loading every row.
 */
package dev.gatehouse.audit.jdbc;
