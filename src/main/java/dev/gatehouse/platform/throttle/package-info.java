/**
 * Counting failures per subject (an identifier, a client id, an address) in the database, so every node sees the
 * same counts, and locking a subject that fails too often.
 */
package dev.gatehouse.platform.throttle;
