/** The outbox in the database: the courier's writer (JPA) and the sender's claim queue (SQL with row locks). */
package dev.gatehouse.courier.jpa;
