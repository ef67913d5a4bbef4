package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.Optional;

/**
 * {@code redirect}'s config: where to ({@code to}, one URL without spaces or control characters; empty: the
 * gateway's login page), with which status ({@code code}, a redirect, 302 by default) and under which query
 * parameter the original URL goes ({@code return_to_query_param}, {@code return_to} by default).
 */
record RedirectConfig(Optional<String> to, int code, String returnToQueryParam) {

    static RedirectConfig parse(JsonObject config) {
        int code = HandlerConfigs.integer(config, "code", 302);
        if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            throw new IllegalArgumentException("code must be a redirect status");
        }
        Optional<String> to = HandlerConfigs.string(config, "to");
        if (to.isPresent() && to.get().chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("to must be a URL");
        }
        return new RedirectConfig(to, code, HandlerConfigs.string(config, "return_to_query_param").orElse("return_to"));
    }
}
