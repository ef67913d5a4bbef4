/**
 * JPA persistence of remembered consent sessions.
 */
package dev.gatehouse.oauth2.consent.jpa;
