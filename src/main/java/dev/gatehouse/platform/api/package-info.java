/**
 * The JAX-RS application at the root of the server (Ory's paths), the one exception mapper that turns every
 * failure into a problem document, the checked reading of form bodies, and {@code /version}.
 */
package dev.gatehouse.platform.api;
