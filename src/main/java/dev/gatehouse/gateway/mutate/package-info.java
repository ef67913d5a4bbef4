/**
 * Mutators ({@code noop}, {@code header}, {@code cookie}, {@code hydrator}, {@code id_token}): each a bean
 * implementing {@link dev.gatehouse.gateway.mutate.Mutator}, bound when a rule is loaded to its config record with
 * the templates already compiled; what they render is the request's.
 */
package dev.gatehouse.gateway.mutate;
