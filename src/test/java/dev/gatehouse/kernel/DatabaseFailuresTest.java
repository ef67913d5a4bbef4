package dev.gatehouse.kernel;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    private static Throwable wrapped(String sqlState) {
        return new PersistenceException("wrapped", new RuntimeException(new SQLException("from the driver", sqlState)));
    }

    @Test
    void isUnavailableWhenDatabaseRestartsThenTrue() {
        assertTrue(DatabaseFailures.isUnavailable(wrapped("57P01")), "terminating connection due to administrator command");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("57P02")), "crash shutdown");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("57P03")), "the database system is starting up");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("53300")), "too many connections");
        assertTrue(DatabaseFailures.isUnavailable(wrapped("08001")), "connection refused");
    }

    @Test
    void isUnavailableWhenQueryItselfFailsThenFalse() {
        assertFalse(DatabaseFailures.isUnavailable(wrapped("23505")));
        assertFalse(DatabaseFailures.isUnavailable(wrapped("57014")), "a cancelled query is not an outage");
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("no SQL at all")));
    }

    @Test
    void isUnstorableValueWhenDataExceptionThenTrue() {
        assertTrue(DatabaseFailures.isUnstorableValue(wrapped("22001")), "value too long");
        assertTrue(DatabaseFailures.isUnstorableValue(wrapped("22021")), "NUL / invalid byte sequence");
        assertFalse(DatabaseFailures.isUnstorableValue(wrapped("23505")));
    }
}
