/**
 * The failure counts' rows on JPA ({@code login_throttle}): one entity per tenant, kind and subject, locked with a
 * {@code PESSIMISTIC_WRITE} read while a failure is counted.
 */
package dev.gatehouse.platform.throttle.jpa;
