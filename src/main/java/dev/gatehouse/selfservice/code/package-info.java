/**
 * One-time codes and links, the machinery of the {@code code} and {@code link} methods (see
 * {@code selfservice.strategy}): six-digit codes and 256-bit link tokens, stored only as HMACs bound to their
 * flow, expiring, single use, limited in attempts per flow and in how often they are resent; and the forms and
 * steps the flows that mail them share.
 */
package dev.gatehouse.selfservice.code;
