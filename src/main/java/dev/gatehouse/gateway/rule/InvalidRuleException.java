package dev.gatehouse.gateway.rule;

/**
 * A rule (or rule document) that cannot be used: which field and why, in words safe to show to the
 * administrator who wrote it.
 */
public class InvalidRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidRuleException(String field, String reason) {
        super(field + " " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same failure, placed inside an enclosing element (a rule id, a file name). */
    public InvalidRuleException within(String where) {
        return new InvalidRuleException(where + ": " + field, reason);
    }
}
