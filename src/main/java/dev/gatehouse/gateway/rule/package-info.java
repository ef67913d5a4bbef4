/**
 * Access rules in Ory Oathkeeper's format: the rule model, its JSON/YAML/jsonnet documents, the
 * {@code regexp} and {@code glob} matching strategies with {@code <...>} patterns, the normalised request
 * target rules are matched against, and the active rule set (files plus database rules, each compiled once with
 * its handlers bound to their parsed configs) that exactly one rule of must match.
 */
package dev.gatehouse.gateway.rule;
