/**
 * JPA persistence of one-time codes and sign-in link tokens, stored only as HMACs bound to their flow.
 */
package dev.gatehouse.selfservice.code.jpa;
