/**
 * The audit metrics as SQL over {@code audit_event}: percentiles ({@code PERCENTILE_CONT ... WITHIN GROUP}) and
 * grouped counts that JPA cannot say, computed in the database so only one row per group comes back.
 */
package dev.gatehouse.audit.metrics.jdbc;
