/**
 * JPA persistence of identity sessions (tokens stored only as HMACs).
 */
package dev.gatehouse.session.jpa;
