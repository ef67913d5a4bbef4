/**
 * The {@code link} method: a single-use link mailed to an address, to recover an account (it signs in the
 * browser that opens it) and to verify an address.
 */
package dev.gatehouse.selfservice.strategy.link;
