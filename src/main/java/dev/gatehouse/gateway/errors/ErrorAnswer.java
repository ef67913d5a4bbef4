package dev.gatehouse.gateway.errors;

import java.util.Map;

/** What a denied request gets back: status, headers and body, written as is by any enforcement point. */
public record ErrorAnswer(int status, Map<String, String> headers, String contentType, String body) {

    public ErrorAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
