/**
 * OpenTelemetry spans of Gatehouse's own steps (token grants, introspection, the gateway's decision and each of
 * its handlers) inside the request spans MicroProfile Telemetry starts; off unless {@code otel.sdk.disabled=false}.
 */
package dev.gatehouse.platform.trace;
