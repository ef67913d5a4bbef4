/**
 * Alerts over the audit log: rules that count a tenant's matching rows in a sliding window per group, fire once when a
 * group goes above the threshold (an {@code audit_alert_fired} security event, so alerts are audited too) and post a
 * signed webhook (Standard Webhooks) that is retried until the receiver takes it.
 */
package dev.gatehouse.audit.alert;
