/**
 * The policy gateway (the Ory Oathkeeper job): every request is matched against the access rules, and the
 * one rule that matches runs its authenticators ({@code authn}), its authorizer ({@code authz}), its
 * mutators ({@code mutate}) or, on failure, its error handlers ({@code errors}). Three enforcement points
 * share {@link dev.gatehouse.gateway.engine.DecisionEngine}: the decisions API, a servlet filter and a reverse
 * proxy on its own port. This package holds what every part of the gateway speaks: the request being decided,
 * the authentication session the handlers fill in, the gateway's errors, handler configuration helpers,
 * templates, remote calls and the typed configuration. Inside the gateway dependencies run one way:
 * {@code rule} (the rule model) under this package, the handlers on it, {@code engine} on the handlers, and the
 * enforcement points ({@code api}, {@code proxy}) on top; {@code port} is what the gateway asks of other services.
 */
package dev.gatehouse.gateway;
