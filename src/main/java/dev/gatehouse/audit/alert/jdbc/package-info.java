/**
 * Alert rules, their firing state and webhook deliveries in hand JDBC, beside the audit log's own tables: the counts
 * group rows of {@code audit_event} with the query API's conditions, and the evaluator's lock is a row lock.
 */
package dev.gatehouse.audit.alert.jdbc;
