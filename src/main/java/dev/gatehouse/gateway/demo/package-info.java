/**
 * The gateway's demo (only with {@code gatehouse.demo.enabled}): a tiny upstream inside the WAR under
 * {@code /demo/api/}, guarded by the servlet filter with built-in rules for the four common patterns:
 * public, signed-in only, admin only, owner only.
 */
package dev.gatehouse.gateway.demo;
