/**
 * What a node keeps in memory: small caches with a size bound and an expiry on every entry, so that nodes stay
 * stateless copies of the database and of remote answers.
 */
package dev.gatehouse.kernel.cache;
