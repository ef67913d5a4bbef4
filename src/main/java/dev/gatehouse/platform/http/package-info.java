/**
 * The servlet filters and helpers every request passes through: request ids and context, body and syntax limits,
 * malformed-request refusals, trusted-proxy handling of forwarded headers, the public base URL and the hosts
 * served, security headers (Content-Security-Policy, HSTS), the request language, in-flight request tracking and
 * the error servlet.
 */
package dev.gatehouse.platform.http;
