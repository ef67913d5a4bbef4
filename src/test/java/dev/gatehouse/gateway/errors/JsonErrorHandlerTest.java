package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.rule.RejectedRequestException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonErrorHandlerTest {

    private static JsonObject error(ErrorAnswer answer) {
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("error");
    }

    @Test
    void handleWhenTargetRefusedThenBodyNamesTheReasonWithAStableId() {
        ErrorAnswer answer = new JsonErrorHandler().bind(JsonObject.EMPTY_JSON_OBJECT).handle(null, GatewayException.refused(Reason.ENCODED_DOT));

        assertEquals(400, answer.status());
        JsonObject error = error(answer);
        assertEquals("encoded_dot", error.getString("id"));
        assertEquals(400, error.getInt("code"));
        assertEquals("Bad Request", error.getString("status"));
        assertEquals("the path contains an encoded dot (%2e)", error.getString("reason"));
        assertEquals("The request is malformed", error.getString("message"));
    }

    @Test
    void handleWhenHandlerDeniedThenNoReasonReachesTheClient() {
        ErrorAnswer answer = new JsonErrorHandler().bind(JsonObject.EMPTY_JSON_OBJECT).handle(null,
                GatewayException.unauthorized("session token ory_st_x expired"));

        JsonObject error = error(answer);
        assertEquals(401, error.getInt("code"));
        assertFalse(error.containsKey("reason"));
        assertFalse(error.containsKey("id"));
        assertFalse(answer.body().contains("ory_st_x"));
    }
}
