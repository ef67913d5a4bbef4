/**
 * Figures computed from the audit log itself: how long new identities take to verify their address after they
 * registered, and where verifications fail, per tenant and time window.
 */
package dev.gatehouse.audit.metrics;
