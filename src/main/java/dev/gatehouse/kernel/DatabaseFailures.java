package dev.gatehouse.kernel;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Recognises database failures (unreachable, unique key, unstorable value), however the persistence layer wrapped them. */
public final class DatabaseFailures {

    /**
     * What a database that is shutting down, crashing or starting up answers (PostgreSQL's admin_shutdown,
     * crash_shutdown, cannot_connect_now), and a full one (too_many_connections): all pass with a restart.
     */
    private static final Set<String> GOING_OR_COMING = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /**
     * A lost or refused connection, or a database restarting: SQLState class 08, one of {@link #GOING_OR_COMING},
     * or a JDBC connection exception anywhere in the causes.
     */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || GOING_OR_COMING.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A unique-key violation (SQLState 23505, PostgreSQL and H2 alike) anywhere in the causes. */
    public static boolean isUniqueViolation(Throwable t) {
        return sqlState(t, "23505");
    }

    /**
     * A value the database cannot store (SQLState class 22, data exception: too long for its column, a NUL
     * character, text that is not a number or a UUID) anywhere in the causes. Such a value came from the request
     * and slipped past validation; it is the client's to fix.
     */
    public static boolean isUnstorableValue(Throwable t) {
        return sqlState(t, "22");
    }

    private static boolean sqlState(Throwable t, String prefix) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
