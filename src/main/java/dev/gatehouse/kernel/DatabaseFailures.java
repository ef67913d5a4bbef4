package dev.gatehouse.kernel;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Recognises a database that cannot be reached, however the persistence layer wrapped the failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** A lost or refused connection: SQLState class 08 or a JDBC connection exception anywhere in the causes. */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
