/**
 * The gateway's HTTP surface: the decisions API ({@code /decisions/**}, for nginx {@code auth_request},
 * Envoy and API gateways), Oathkeeper's {@code GET /rules}, the admin rule API with its validation
 * endpoint, and the servlet filter that guards Gatehouse's own resources when enabled.
 */
package dev.gatehouse.gateway.api;
