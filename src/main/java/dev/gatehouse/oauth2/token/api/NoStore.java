package dev.gatehouse.oauth2.token.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 200 answers of the protocol endpoints carry tokens or token facts: never cached (RFC 6749 §5.1). */
final class NoStore {

    private NoStore() {
    }

    static Response ok(JsonObject body) {
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
