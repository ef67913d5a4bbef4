/**
 * The policy gateway (the Ory Oathkeeper job): every request is matched against the access rules, and the
 * one rule that matches runs its authenticators ({@code authn}), its authorizer ({@code authz}), its
 * mutators ({@code mutate}) or, on failure, its error handlers ({@code errors}). Three enforcement points
 * share {@link dev.gatehouse.gateway.DecisionEngine}: the decisions API, a servlet filter and a reverse
 * proxy on its own port.
 */
package dev.gatehouse.gateway;
