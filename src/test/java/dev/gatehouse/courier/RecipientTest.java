package dev.gatehouse.courier;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecipientTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a@b.c\r\nBcc: x@y.z", "a@b.c\nBcc: x@y.z", "a@b.c\rx", "\"Evil\" <a@b.c>, c@d.e", "a@b.c, c@d.e", "a@b.c;c@d.e",
        "<a@b.c>", "Evil <a@b.c>", "a b@c.d", "plain", "@b.c", "a@", "a@b@c.d", "", "   ", "group: a@b.c;", "a@b.c (comment)"
    })
    void recipientWhenNotOnePlainAddressThenValidationError(String address) {
        ApiException e = assertThrows(ApiException.class, () -> new Recipient(address));
        assertEquals(ApiError.VALIDATION_FAILED, e.error());
        assertEquals("recipient", e.fieldErrors().get(0).field());
    }

    @Test
    void recipientWhenNullOrTooLongThenValidationError() {
        assertThrows(ApiException.class, () -> new Recipient(null));
        assertThrows(ApiException.class, () -> new Recipient("a".repeat(320) + "@b.c"));
    }

    @Test
    void recipientWhenPlainAddressThenKeptAndDomainLowerCase() {
        Recipient r = new Recipient("  Anna.Smith+tag@Example.COM ");
        assertEquals("Anna.Smith+tag@Example.COM", r.address());
        assertEquals("example.com", r.domain());
        assertEquals("Anna.Smith+tag@Example.COM", r.internetAddress().getAddress());
    }
}
