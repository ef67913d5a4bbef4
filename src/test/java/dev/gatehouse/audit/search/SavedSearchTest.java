package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedSearchTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static SavedSearch parse(String json) {
        return SavedSearch.parse(JsonText.readObject(json), Set.of(), NOW);
    }

    /** The field a refused body names, after checking it is a 400. */
    private static String refusedField(String json) {
        ApiException e = assertThrows(ApiException.class, () -> parse(json));
        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
        return e.fieldErrors().get(0).field();
    }

    @Test
    void namesWhenSchemeFollowedThenValid() {
        assertTrue(SearchNames.isValid("Audit-Verifications-kratos-device"));
        assertTrue(SearchNames.isValid("Audit-Logins-gatehouse-failed-by-ip"));
        assertTrue(SearchNames.isValid("Audit-AdminChanges-hydra-clients"));
    }

    @Test
    void namesWhenSchemeBrokenThenInvalid() {
        for (String bad : List.of("", "Verifications-kratos-device", "Audit-verifications-kratos-device",
                "Audit-Verifications-Kratos-device", "Audit-Verifications-kratos", "Audit-Verifications-kratos-Device",
                "Audit-Verifications-kratos-device-", "Audit-Verifications-kratos--device", "Audit Verifications kratos device",
                "Audit-Verifications-kratos-device\n", "Audit-" + "A".repeat(130) + "-kratos-device")) {
            assertFalse(SearchNames.isValid(bad), bad);
        }
    }

    @Test
    void parseWhenCompleteThenCompactFormReadsBackTheSame() {
        SavedSearch s = parse("""
                {"name": "Audit-Logins-kratos-failed", "description": "failed sign-ins", "owner": "secops",
                 "query": {"event_type": ["login_failed", "login"], "result": "failure", "since": "now-24h", "page_size": 50},
                 "fields": ["time", "event_type", "ip"], "base_url": "https://logs.example.com/admin/audit/events"}
                """);

        assertEquals(List.of("login_failed", "login"), s.query().get("event_type"));
        assertEquals(List.of("50"), s.query().get("page_size"));
        assertEquals(Optional.of("https://logs.example.com/admin/audit/events"), s.baseUrl());
        assertEquals(s, SavedSearch.parse(s.toJson(), Set.of(), NOW));
    }

    @Test
    void filterWhenRelativeWindowThenAnchoredAtRunTimeWithTheRunsPageSize() {
        SavedSearch s = parse("{\"name\": \"Audit-Logins-kratos-failed\", \"query\": {\"since\": \"now-1h\", \"result\": \"failure\"}}");

        var f = s.filter(Map.of("page_size", List.of("5")), NOW.plusSeconds(60));

        assertEquals(NOW.minusSeconds(3540), f.from());
        assertEquals(5, f.limit());
        assertEquals(Map.of("result", List.of("failure")), f.equals());
    }

    @Test
    void parseWhenNameMissingOrOffSchemeThenRefusedNamingName() {
        assertEquals("name", refusedField("{\"query\": {}}"));
        assertEquals("name", refusedField("{\"name\": \"failed logins\"}"));
        assertEquals("name", refusedField("{\"name\": 42}"));
    }

    @Test
    void parseWhenBadFilterThenRefusedNamingTheParameterAsTheEventsApiDoes() {
        String n = "\"name\": \"Audit-Logins-kratos-failed\", ";
        assertEquals("result", refusedField("{" + n + "\"query\": {\"result\": \"maybe\"}}"));
        assertEquals("since", refusedField("{" + n + "\"query\": {\"since\": \"yesterday\"}}"));
        assertEquals("to", refusedField("{" + n + "\"query\": {\"from\": \"2026-01-02T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}}"));
        assertEquals("colour", refusedField("{" + n + "\"query\": {\"colour\": \"red\"}}"));
        assertEquals("page_size", refusedField("{" + n + "\"query\": {\"page_size\": 5000}}"));
        assertEquals("event_type", refusedField("{" + n + "\"query\": {\"event_type\": [\"Login Failed\"]}}"));
        assertEquals("event_type", refusedField("{" + n + "\"query\": {\"event_type\": {\"x\": 1}}}"));
        assertEquals("cursor", refusedField("{" + n + "\"query\": {\"cursor\": \"abc\"}}"));
        assertEquals("query", refusedField("{" + n + "\"query\": \"event_type=login\"}"));
    }

    @Test
    void parseWhenBadFieldsUrlOrUnknownKeyThenRefusedNamingIt() {
        String n = "\"name\": \"Audit-Logins-kratos-failed\", ";
        assertEquals("fields", refusedField("{" + n + "\"fields\": [\"password\"]}"));
        assertEquals("fields", refusedField("{" + n + "\"fields\": \"ip\"}"));
        assertEquals("base_url", refusedField("{" + n + "\"base_url\": \"ftp://logs.example.com/\"}"));
        assertEquals("base_url", refusedField("{" + n + "\"base_url\": \"https://user:pw@logs.example.com/\"}"));
        assertEquals("base_url", refusedField("{" + n + "\"base_url\": \"/admin/audit/events\"}"));
        assertEquals("description", refusedField("{" + n + "\"description\": \"" + "x".repeat(1001) + "\"}"));
        assertEquals("colour", refusedField("{" + n + "\"colour\": \"red\"}"));
    }
}
