/**
 * Prometheus metrics (MicroProfile Metrics, served by Liberty at {@code /metrics}): request latency per route
 * template, the security events counted by kind, the courier's queue and the signing keys' age. Every series
 * that names a tenant names one of a bounded set ({@link dev.gatehouse.platform.metrics.TenantLabels}).
 */
package dev.gatehouse.platform.metrics;
