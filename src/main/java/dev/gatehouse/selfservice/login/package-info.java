/**
 * The login flow: its handler and the methods a login can use, and the sign-in throttle that counts failed
 * sign-ins per identifier and per client address in the database, so every node sees the same counts.
 */
package dev.gatehouse.selfservice.login;
