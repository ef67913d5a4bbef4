/**
 * What other web applications put in front of themselves to be guarded by Gatehouse's rules: a servlet filter
 * that asks the decisions API. Self-contained (Servlet API and the JDK), packaged on its own as
 * {@code gatehouse-decisions-filter.jar}; nothing here is used by Gatehouse itself.
 */
package dev.gatehouse.gateway.client;
