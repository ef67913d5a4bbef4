/**
 * The platform every capability stands on: HTTP filters (request id, body limit, security headers), the
 * JAX-RS application and its error mapping, database migrations and health, start-up configuration
 * checks, the demo switch, and the home page.
 */
package dev.gatehouse.platform;
