/** Log hygiene: secret redaction and per-request log fields. */
package dev.gatehouse.kernel.log;
