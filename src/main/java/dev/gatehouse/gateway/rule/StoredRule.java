package dev.gatehouse.gateway.rule;

import java.time.Instant;

/** A rule kept in the database: the rule, its revision (1 for a new rule) and when it last changed. */
public record StoredRule(Rule rule, int revision, Instant createdAt, Instant updatedAt) {
}
