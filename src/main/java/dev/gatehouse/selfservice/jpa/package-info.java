/**
 * JPA persistence of self-service flows (their type, state, UI and expiry).
 */
package dev.gatehouse.selfservice.jpa;
