/**
 * The login flow: its handler (state machine), its resource ({@code /self-service/login}), the interface a sign-in
 * method implements ({@code LoginMethod}; the methods themselves are in {@code selfservice.strategy}), and the
 * sign-in throttle that counts failed sign-ins per identifier and per client address in the database, so every
 * node sees the same counts, with its admin view of the locks.
 */
package dev.gatehouse.selfservice.login;
