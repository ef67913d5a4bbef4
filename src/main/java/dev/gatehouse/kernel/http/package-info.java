/**
 * Outbound HTTP calls to servers someone else runs (a client's {@code jwks_uri}, a gateway rule's remote
 * endpoint), bounded in time and size in both directions so such a server cannot hold a Gatehouse thread or fill
 * its memory.
 */
package dev.gatehouse.kernel.http;
