package dev.gatehouse.session;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionFilterTest {

    @Test
    void parseWhenAbsentThenAllElseTheNamedKind() {
        assertEquals(SessionFilter.ALL, SessionFilter.parse(null));
        assertEquals(SessionFilter.ACTIVE, SessionFilter.parse("true"));
        assertEquals(SessionFilter.INACTIVE, SessionFilter.parse("false"));
    }

    @Test
    void parseWhenNotABooleanThenValidationFailedOnActive() {
        ApiException e = assertThrows(ApiException.class, () -> SessionFilter.parse("yes"));

        assertEquals(ApiError.VALIDATION_FAILED, e.error());
        assertEquals("active", e.fieldErrors().get(0).field());
    }
}
