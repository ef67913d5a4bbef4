package dev.gatehouse.audit.alert;

import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlertDraftTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    @Test
    void parseWhenCompleteRuleThenEveryFieldRead() {
        AlertDraft d = AlertDraft.parse(json("{'name':' Brute force ','query':{'event_type':['login_failed','credential_failed'],"
                + "'device_class':'mobile'},'group_by':'ip','threshold':10,'window':'5m','search_id':'s-1',"
                + "'webhook':{'url':'https://hooks.example.test/a','secret':'" + SECRET + "'}}"), NOW, true);

        assertEquals("Brute force", d.name());
        assertEquals(List.of("login_failed", "credential_failed"), d.query().get("event_type"));
        assertEquals(List.of("mobile"), d.query().get("device_class"));
        assertEquals(AlertGroupBy.IP, d.groupBy());
        assertEquals(10, d.threshold());
        assertEquals(Duration.ofMinutes(5), d.window());
        assertEquals("s-1", d.searchId());
        assertEquals(SECRET, d.secret());
    }

    @Test
    void parseWhenReplacingWithoutSecretThenSecretKeptAsNull() {
        AlertDraft d = AlertDraft.parse(json("{'name':'x','threshold':0,'window':'1h','webhook':{'url':'http://h.test/'}}"),
                NOW, false);

        assertNull(d.secret());
        assertEquals(AlertGroupBy.NONE, d.groupBy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|name",
            "{'name':'x','query':{'ip':''},'threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|query.ip",
            "{'name':'x','query':{'to':'2026-01-01T00:00:00Z'},'threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|query.to",
            "{'name':'x','query':{'device_class':['phone']},'threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|query.device_class",
            "{'name':'x','query':[],'threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|query",
            "{'name':'x','threshold':1.5,'window':'5m','webhook':{'url':'https://h.test/','secret':'S'}}|threshold",
            "{'name':'x','threshold':1,'window':'0s','webhook':{'url':'https://h.test/','secret':'S'}}|window",
            "{'name':'x','threshold':1,'window':'5m','webhook':{'url':'https://user:pw@h.test/','secret':'S'}}|webhook.url",
            "{'name':'x','threshold':1,'window':'5m','webhook':{'url':'/relative','secret':'S'}}|webhook.url",
            "{'name':'x','threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'whsec_!!'}}|webhook.secret",
            "{'name':'x','threshold':1,'window':'5m','webhook':{'url':'https://h.test/','secret':'S','x':1}}|webhook.x"})
    void parseWhenFieldWrongThen400NamingIt(String body, String field) {
        ApiException e = assertThrows(ApiException.class, () -> AlertDraft.parse(json(body.replace("'S'", "'" + SECRET + "'")),
                NOW, true));

        assertEquals(field, e.fieldErrors().get(0).field());
    }

    @Test
    void windowTextWhenWholeUnitsThenShortestForm() {
        assertEquals("5m", AlertRules.windowText(Duration.ofMinutes(5)));
        assertEquals("2h", AlertRules.windowText(Duration.ofHours(2)));
        assertEquals("1d", AlertRules.windowText(Duration.ofDays(1)));
        assertEquals("90s", AlertRules.windowText(Duration.ofSeconds(90)));
    }
}
