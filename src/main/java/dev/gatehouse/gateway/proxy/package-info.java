/**
 * Enforcement in front of other applications: the reverse proxy on its own HTTP port
 * ({@code gatehouse.gateway.proxy-port}) and the servlet filter for Gatehouse's own resources.
 */
package dev.gatehouse.gateway.proxy;
