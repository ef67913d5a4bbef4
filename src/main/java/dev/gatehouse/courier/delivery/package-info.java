/** Delivery of the outbox over SMTP: the scheduled sender and the Jakarta Mail transport. */
package dev.gatehouse.courier.delivery;
