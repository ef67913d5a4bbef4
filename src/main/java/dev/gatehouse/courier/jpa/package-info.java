/** The outbox in the database on JPA: the courier's writer, the read side for the admin API, and its retention. */
package dev.gatehouse.courier.jpa;
