/**
 * The login flow: its handler (state machine), resource ({@code /self-service/login}), the interface its methods
 * implement ({@code LoginMethod}, see {@code selfservice.strategy}), and the brute-force protection of sign-in
 * with its admin API.
 */
package dev.gatehouse.selfservice.login;
