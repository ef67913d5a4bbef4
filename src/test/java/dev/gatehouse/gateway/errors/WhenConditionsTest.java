package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhenConditionsTest {

    static GatewayRequest request(String ip, Map<String, List<String>> headers) {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/"), "", headers, Map.of(), ip, "http://localhost:9080");
    }

    static JsonObject config(String json) {
        return jakarta.json.Json.createReader(new StringReader(json)).readObject();
    }

    static final GatewayException UNAUTHORIZED = GatewayException.unauthorized("x");

    @Test
    void matchesWhenNoWhenThenAlways() {
        assertTrue(WhenConditions.of(JsonObject.EMPTY_JSON_OBJECT).matches(UNAUTHORIZED, request("1.2.3.4", Map.of())));
    }

    @Test
    void matchesWhenErrorAndAcceptListedThenOnlyThatCombination() {
        JsonObject c = config("{\"when\":[{\"error\":[\"unauthorized\"],\"request\":{\"header\":{\"accept\":[\"text/html\"]}}}]}");

        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("1.2.3.4", Map.of("Accept", List.of("text/html,application/xhtml+xml;q=0.9")))));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("1.2.3.4", Map.of("Accept", List.of("application/json")))));
        assertFalse(WhenConditions.of(c).matches(new GatewayException(ErrorKind.FORBIDDEN, "x"),
                request("1.2.3.4", Map.of("Accept", List.of("text/html")))));
    }

    @Test
    void matchesWhenCidrThenClientAddressInsideOnly() {
        JsonObject c = config("{\"when\":[{\"request\":{\"cidr\":[\"10.0.0.0/8\",\"2001:db8::/32\"]}}]}");

        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("10.20.30.40", Map.of())));
        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("2001:db8::1", Map.of())));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("11.0.0.1", Map.of())));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request(null, Map.of())));
    }

    @Test
    void matchesWhenContentTypeListedThenParametersIgnored() {
        JsonObject c = config("{\"when\":[{\"request\":{\"header\":{\"content_type\":[\"application/json\"]}}}]}");

        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("1.1.1.1", Map.of("Content-Type", List.of("application/json; charset=utf-8")))));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("1.1.1.1", Map.of("Content-Type", List.of("text/plain")))));
    }

    @Test
    void validateWhenUnknownErrorOrBadCidrThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> WhenConditions.validate(config("{\"when\":[{\"error\":[\"teapot\"]}]}")));
        assertThrows(IllegalArgumentException.class, () -> WhenConditions.validate(config("{\"when\":[{\"request\":{\"cidr\":[\"10.0.0.0/99\"]}}]}")));
        assertThrows(IllegalArgumentException.class, () -> WhenConditions.validate(config("{\"when\":[{\"request\":{\"cidr\":[\"evil.example\"]}}]}")));
    }

    @Test
    void matchesWhenClientAddressIsAHostNameThenNoCidrMatchesAndNothingIsLookedUp() {
        JsonObject c = config("{\"when\":[{\"request\":{\"cidr\":[\"127.0.0.0/8\",\"::1/128\"]}}]}");

        // resolved, "localhost" would be inside both ranges
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("localhost", Map.of())));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("cafe.test", Map.of())));
        assertFalse(WhenConditions.of(c).matches(UNAUTHORIZED, request("127.1", Map.of())), "only dotted quads are IPv4 literals");
        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("127.0.0.1", Map.of())));
        assertTrue(WhenConditions.of(c).matches(UNAUTHORIZED, request("[::1]", Map.of())));
    }

    @Test
    void validateWhenCidrIsAHexLookingHostNameThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WhenConditions.validate(config("{\"when\":[{\"request\":{\"cidr\":[\"cafe/16\"]}}]}")));
    }
}
