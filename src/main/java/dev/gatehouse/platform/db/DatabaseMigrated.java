package dev.gatehouse.platform.db;

/**
 * Fired once, after the migrations have been applied at start-up (possibly after the database came
 * back). Observers seed data that needs the schema, e.g. the demo.
 *
 * @param schemaVersion the version the schema is at now
 */
public record DatabaseMigrated(String schemaVersion) {
}
