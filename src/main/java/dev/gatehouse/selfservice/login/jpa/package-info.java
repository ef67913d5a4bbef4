/**
 * The sign-in throttle's rows as the clean-up job sees them: which failure counts and locks are old enough to
 * delete, in batches, without losing a count that a new failure has just touched.
 */
package dev.gatehouse.selfservice.login.jpa;
