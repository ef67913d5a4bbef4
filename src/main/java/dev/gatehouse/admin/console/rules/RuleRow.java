package dev.gatehouse.admin.console.rules;

import dev.gatehouse.gateway.rule.Rule;

/** A line of the rules list: the rule and whether it comes from the database (editable) or a file (read-only). */
public record RuleRow(Rule rule, boolean database, int revision) {

    public String getId() {
        return rule.id();
    }

    public String getSource() {
        return database ? "database" : "file";
    }

    public String getMethods() {
        return String.join(", ", rule.methods());
    }
}
