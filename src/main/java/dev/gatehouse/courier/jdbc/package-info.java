/**
 * The outbox's claim queue in plain SQL, kept out of JPA because it takes rows with {@code FOR UPDATE SKIP LOCKED}
 * and a row limit, which JPQL cannot express.
 */
package dev.gatehouse.courier.jdbc;
