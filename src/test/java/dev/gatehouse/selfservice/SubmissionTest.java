package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubmissionTest {

    private static Submission parse(String contentType, String body) {
        return Submission.parse(contentType, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseWhenFormFieldHoldsNulThenMalformed() {
        ApiException e = assertThrows(ApiException.class,
                () -> parse("application/x-www-form-urlencoded", "method=password&identifier=a%00b&password=x"));

        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
    }

    @Test
    void parseWhenJsonFieldHoldsNulThenMalformed() {
        ApiException e = assertThrows(ApiException.class,
                () -> parse("application/json", "{\"method\":\"password\",\"identifier\":\"a\\u0000b\",\"password\":\"x\"}"));

        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
    }

    @Test
    void parseWhenFormWellFormedThenFieldsAndTraits() {
        Submission s = parse("application/x-www-form-urlencoded", "identifier=a%40example.org&traits.name.first=Ada");

        assertEquals("a@example.org", s.field("identifier").orElseThrow());
        assertEquals("Ada", s.traits().getJsonObject("name").getString("first"));
    }

    @Test
    void parseWhenJsonBooleanThenFieldAsItsWord() {
        Submission s = parse("application/json", "{\"totp_unlink\":true,\"lookup_secret_reveal\":false,\"n\":1}");

        assertEquals("true", s.field("totp_unlink").orElseThrow());
        assertEquals("false", s.field("lookup_secret_reveal").orElseThrow());
        assertEquals(java.util.Optional.empty(), s.field("n"));
    }
}
