package dev.gatehouse.audit.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an alert rule counts separately: rows with equal values of one column form a group; {@link #NONE}: all rows. */
public enum AlertGroupBy {
    DEVICE_CLASS("device_class"), SUBJECT("subject"), ACTOR_ID("actor_id"), CLIENT_ID("client_id"), IP("ip"),
    RESOURCE_ID("resource_id"), EVENT_TYPE("event_type"), NONE(null);

    private final String column;

    AlertGroupBy(String column) {
        this.column = column;
    }

    /** The {@code audit_event} column, or empty for {@link #NONE}; a fixed name, never request text. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertGroupBy> parse(String value) {
        return Arrays.stream(values()).filter(g -> g.wire().equals(value)).findFirst();
    }
}
