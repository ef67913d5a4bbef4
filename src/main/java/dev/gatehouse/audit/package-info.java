/**
 * The audit log: every {@link dev.gatehouse.kernel.event.SecurityEvent} kept per tenant in an append-only,
 * hash-chained table, with its query, export and verification API ({@code api}) and a retention job that archives
 * and prunes the oldest rows. Events reach it through an outbox written in the transaction of the change they
 * report; one writer at a time moves them into the chain ({@link dev.gatehouse.audit.AuditWriter}).
 */
package dev.gatehouse.audit;
