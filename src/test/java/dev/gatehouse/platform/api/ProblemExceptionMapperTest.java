package dev.gatehouse.platform.api;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.problem.ApiError;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemExceptionMapperTest {

    @Test
    void classifyWhenParsingSizeOrDatabaseFailureThenMatchingKind() {
        assertEquals(ApiError.MALFORMED_REQUEST, ProblemExceptionMapper.classify(new ProcessingException("bad json")).error());
        assertEquals(ApiError.PAYLOAD_TOO_LARGE,
                ProblemExceptionMapper.classify(new ProcessingException(new BodyTooLargeException(1))).error());
        assertEquals(ApiError.UNAVAILABLE,
                ProblemExceptionMapper.classify(new RuntimeException(new SQLException("refused", "08001"))).error());
    }

    @Test
    void classifyWhenDatabaseRestartingThenUnavailable() {
        assertEquals(ApiError.UNAVAILABLE, ProblemExceptionMapper.classify(
                new RuntimeException(new SQLException("FATAL: the database system is starting up", "57P03"))).error());
    }

    @Test
    void classifyWhenDatabaseRefusesValueThenMalformedWithoutTheValue() {
        var p = ProblemExceptionMapper.classify(new RuntimeException(
                new SQLException("ERROR: value too long for type character varying(2048): secret", "22001")));

        assertEquals(ApiError.MALFORMED_REQUEST, p.error());
        assertFalse(p.detail().contains("secret"));
    }

    @Test
    void classifyWhenUnexpectedThenInternalWithoutTheMessage() {
        var p = ProblemExceptionMapper.classify(new IllegalStateException("secret internal detail at line 42"));

        assertEquals(ApiError.INTERNAL, p.error());
        assertFalse(p.detail().contains("secret internal detail"));
    }
}
