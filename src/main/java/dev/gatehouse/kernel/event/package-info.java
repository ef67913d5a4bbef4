/**
 * The security event model: {@link dev.gatehouse.kernel.event.SecurityEvent} fired as CDI events by
 * every capability, observed by the audit log, metrics and, for now, a JSON-lines logger.
 */
package dev.gatehouse.kernel.event;
