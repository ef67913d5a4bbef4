/**
 * The {@code code} method of the verification and recovery flows: six-digit one-time codes, stored only as
 * HMACs bound to their flow, expiring, single use, limited in attempts per flow and in how often they are resent.
 */
package dev.gatehouse.selfservice.code;
