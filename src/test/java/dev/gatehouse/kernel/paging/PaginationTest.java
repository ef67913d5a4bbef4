package dev.gatehouse.kernel.paging;

import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaginationTest {

    @Test
    void parseWhenAbsentThenDefaults() {
        assertEquals(new Pagination(Pagination.DEFAULT_SIZE, 0), Pagination.parse(null, null));
    }

    @Test
    void nextTokenThenParsesToNextOffset() {
        Pagination p = new Pagination(10, 20);

        assertEquals(new Pagination(10, 30), Pagination.parse("10", p.nextToken()));
    }

    @Test
    void parseWhenOutOfRangeOrForgedThenInvalid() {
        assertThrows(ApiException.class, () -> Pagination.parse("0", null));
        assertThrows(ApiException.class, () -> Pagination.parse("1001", null));
        assertThrows(ApiException.class, () -> Pagination.parse("ten", null));
        assertThrows(ApiException.class, () -> Pagination.parse(null, "bm9wZQ"));
        assertThrows(ApiException.class, () -> Pagination.parse(null, "!!!"));
        assertThrows(ApiException.class, () -> Pagination.parse(null, "bzotNQ"));
    }
}
