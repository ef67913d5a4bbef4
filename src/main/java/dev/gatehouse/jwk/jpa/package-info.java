/**
 * The key sets' storage on JPA: one row per set, which rotation locks ({@code PESSIMISTIC_WRITE}) so that on any
 * number of nodes only one at a time creates or replaces the set's keys, and one row per key with its private
 * part sealed under the key-encryption key.
 */
package dev.gatehouse.jwk.jpa;
