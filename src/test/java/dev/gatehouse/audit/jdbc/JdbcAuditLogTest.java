package dev.gatehouse.audit.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcAuditLogTest {

    @Test
    void escapeLikeWhenMetacharactersThenEachEscaped() {
        assertEquals("100!%!_off", JdbcAuditLog.escapeLike("100%_off"));
        assertEquals("a!!b", JdbcAuditLog.escapeLike("a!b"));
        assertEquals("plain", JdbcAuditLog.escapeLike("plain"));
    }
}
