/**
 * The courier: outgoing messages (e-mail for now) written to a database outbox in the sender's
 * transaction, and delivered over SMTP by a scheduled sender with retries, so nothing is lost when the
 * SMTP server or a node is down.
 */
package dev.gatehouse.courier;
