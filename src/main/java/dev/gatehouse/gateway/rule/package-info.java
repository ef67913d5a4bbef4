/**
 * Access rules in Ory Oathkeeper's format: the rule model, its JSON/YAML/jsonnet documents and files, their storage
 * in the database, the {@code regexp} and {@code glob} matching strategies with {@code <...>} patterns, and the
 * normalised request target rules are matched against. The bottom of the gateway: it imports no other gateway
 * package; compiling rules with their handlers and the rule set in force live in
 * {@link dev.gatehouse.gateway.engine}.
 */
package dev.gatehouse.gateway.rule;
