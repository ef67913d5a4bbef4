/**
 * The {@code lookup_secret} method (Kratos' {@code lookup_secret} strategy): backup recovery codes as a second
 * factor. In settings the holder of a recent sign-in generates twelve codes, sees them once and confirms them
 * (only then are they stored, as keyed hashes), sees how many are left, generates a new set (the old one stops
 * working) or disables the method; at sign-in one unused code raises the session to {@code aal2} and is used up.
 */
package dev.gatehouse.selfservice.strategy.lookup;
