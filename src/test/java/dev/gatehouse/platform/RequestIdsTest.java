package dev.gatehouse.platform;

import dev.gatehouse.platform.http.RequestIds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void acceptOrGenerateWhenWellFormedThenKept() {
        assertEquals("abc-123.x:y_z", RequestIds.acceptOrGenerate("abc-123.x:y_z"));
    }

    @Test
    void acceptOrGenerateWhenHostileThenReplaced() {
        for (String bad : new String[] {null, "", " x", "a b", "a\nb", "<script>", "a".repeat(129), "-leading", "ü"}) {
            String id = RequestIds.acceptOrGenerate(bad);
            assertNotEquals(bad, id);
            assertTrue(RequestIds.isWellFormed(id), id);
        }
        assertFalse(RequestIds.isWellFormed("a\r\nSet-Cookie: x=y"));
    }
}
