package dev.gatehouse.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a query of the audit log asks for: a tenant's rows within {@code [from, to)}, each named column equal to one
 * of its values, a keyword found in the action, the resource or the details, in time order one way or the other,
 * from a cursor on.
 *
 * @param equals column → accepted values (any one matches); only {@link #COLUMNS}
 * @param keyword text searched for literally (no wildcards), ignoring case
 */
public record AuditFilter(Instant from, Instant to, Map<String, List<String>> equals, Optional<String> keyword,
                          boolean descending, Optional<Cursor> after, int limit) {

    /** Columns a query may filter on by equality, as the API names them. */
    public static final List<String> COLUMNS = List.of("event_type", "action", "resource_type", "resource_id",
            "actor_type", "actor_id", "subject", "client_id", "result", "reason", "aal", "device_class", "os",
            "browser", "ip", "request_id", "trace_id");

    public AuditFilter {
        equals = Map.copyOf(equals);
        for (String column : equals.keySet()) {
            if (!COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not a filter column: " + column);
            }
        }
    }

    /** Where a page ended: the last row's time and number. */
    public record Cursor(Instant time, long seq) {
    }
}
