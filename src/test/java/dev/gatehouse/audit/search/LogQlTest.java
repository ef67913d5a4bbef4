package dev.gatehouse.audit.search;

import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogQlTest {

    private static LogQl.Rendered render(String query) {
        return LogQl.render("acme", SavedSearch.parse(JsonText.readObject(
                "{\"name\": \"Audit-Logins-kratos-failed\", \"query\": " + query + "}"), Set.of(), Instant.EPOCH));
    }

    @Test
    void renderWhenEventTypeAndResultThenServiceStreamSecurityLinesAndEventFields() {
        LogQl.Rendered r = render("{\"event_type\": \"login_failed\", \"result\": \"failure\"}");

        assertEquals("{service_name=\"identity\"} | json | module=\"gatehouse.security\" | line_format \"{{.message}}\""
                + " | json | tenant=\"acme\" | event=\"login_failed\" | outcome=\"failure\"", r.query());
        assertEquals(Optional.empty(), r.range());
        assertEquals("backward", r.direction());
        assertEquals(100, r.limit());
    }

    @Test
    void renderWhenRelativeWindowThenCountOverTheRange() {
        LogQl.Rendered r = render("{\"event_type\": \"login_failed\", \"since\": \"now-5m\"}");

        assertEquals(Optional.of("5m"), r.range());
        assertEquals(Optional.of("sum(count_over_time(" + r.query() + " [5m]))"), r.countQuery());
    }

    @Test
    void renderWhenSeveralServicesAndValuesThenRegexAlternatives() {
        LogQl.Rendered r = render("{\"event_type\": [\"login_failed\", \"oauth2_token_issued\"], \"ip\": [\"203.0.113.9\", \"::1\"]}");

        assertEquals("{service_name=~\"identity|token-server\"} | json | module=\"gatehouse.security\""
                + " | line_format \"{{.message}}\" | json | tenant=\"acme\" | event=~\"login_failed|oauth2_token_issued\""
                + " | ip=~\"203\\\\.0\\\\.113\\\\.9|::1\"", r.query());
    }

    @Test
    void renderWhenRecordIdsKeywordAndEventFieldsThenEachWhereTheLineHasIt() {
        LogQl.Rendered r = render("{\"request_id\": \"r-1\", \"q\": \"ann@x.org\", \"actor_type\": \"identity\","
                + " \"reason\": \"wrong \\\"password\\\"\", \"aal\": \"aal2\", \"from\": \"2026-01-01T00:00:00Z\","
                + " \"to\": \"2026-01-02T00:00:00Z\", \"sort\": \"asc\", \"page_size\": 20}");

        assertEquals("{service_name=~\".+\"} | json | module=\"gatehouse.security\" | request_id=\"r-1\""
                + " | line_format \"{{.message}}\" |~ \"(?i)ann@x\\\\.org\" | json | tenant=\"acme\""
                + " | actor=~\"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\""
                + " | details_reason=\"wrong \\\"password\\\"\" | details_aal=\"aal2\"", r.query());
        assertEquals(Optional.of("2026-01-01T00:00:00Z"), r.start());
        assertEquals(Optional.of("2026-01-02T00:00:00Z"), r.end());
        assertEquals(Optional.empty(), r.countQuery());
        assertEquals("forward", r.direction());
        assertEquals(20, r.limit());
    }

    @Test
    void renderWhenActionOrResourceThenEventNamePatterns() {
        assertEquals("{service_name=~\".+\"} | json | module=\"gatehouse.security\" | line_format \"{{.message}}\" | json"
                + " | tenant=\"acme\" | event=~\"oauth2_client_.+\" | event=~\"(.+_)?created\"",
                render("{\"resource_type\": \"oauth2_client\", \"action\": \"created\"}").query());
    }

    @Test
    void renderWhenFilterOnlyTheAuditLogDerivesThenRefusedNamingIt() {
        assertEquals("device_class", assertThrows(ApiException.class,
                () -> render("{\"device_class\": \"mobile\"}")).fieldErrors().get(0).field());
        assertEquals("actor_type", assertThrows(ApiException.class,
                () -> render("{\"actor_type\": \"anonymous\"}")).fieldErrors().get(0).field());
    }
}
