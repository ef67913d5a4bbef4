/**
 * The tenants' database rules on JPA: the rules in force, their revisions, and a per-tenant set version that
 * every node polls to know when to rebuild (and recompile) the tenant's rule set.
 */
package dev.gatehouse.gateway.rule.jpa;
