/** The courier's admin API, with Ory Kratos' paths and JSON shapes. */
package dev.gatehouse.courier.api;
