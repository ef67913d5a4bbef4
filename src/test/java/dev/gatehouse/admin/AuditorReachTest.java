package dev.gatehouse.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditorReachTest {

    @ParameterizedTest
    @CsvSource({"GET,/admin/audit/events", "GET,/admin/audit/events/export", "GET,/admin/audit/verify",
            "HEAD,/admin/audit/status", "GET,/admin/audit/metrics/time-to-verification",
            "POST,/admin/audit/searches/abc/run", "GET,/admin/audit/searches/abc/run"})
    void permitsWhenReadingTheAuditLogOrRunningSavedSearchThenAllowed(String method, String path) {
        assertTrue(AuditorReach.permits(method, path));
    }

    @ParameterizedTest
    @CsvSource({"POST,/admin/audit/searches", "PUT,/admin/audit/searches/abc", "DELETE,/admin/audit/searches/abc",
            "POST,/admin/audit/alerts", "POST,/admin/audit/searches/run", "PATCH,/admin/audit/events",
            "GET,/admin/identities", "GET,/admin/clients", "GET,/admin/auditx", "GET,/admin/audit/../identities",
            "GET,/admin/tenants"})
    void permitsWhenWritingOrOutsideTheAuditLogThenRefused(String method, String path) {
        assertFalse(AuditorReach.permits(method, path));
    }
}
