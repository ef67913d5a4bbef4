package dev.gatehouse.gateway.rule;

import jakarta.json.JsonObject;

import java.time.Instant;

/** One entry of a database rule's history; {@code document} is null for the revision that deleted it. */
public record RuleVersion(String ruleId, int revision, JsonObject document, String changedBy, Instant changedAt) {
}
