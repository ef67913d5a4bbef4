package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Oathkeeper's {@code token_from}: {@code {header: "X-Token"}}, {@code {query_parameter: "token"}} or
 * {@code {cookie: "token"}}; absent means {@code Authorization: Bearer}. A token not starting with
 * {@code prefix} (for the handlers that declare it) is treated as absent, so the next authenticator is tried.
 */
final class TokenFrom {

    private static final int MAX_TOKEN = 8192;

    static final ConfigKeys KEYS = ConfigKeys.of("token_from.header", "token_from.query_parameter", "token_from.cookie");

    private TokenFrom() {
    }

    static Optional<String> read(JsonObject config, GatewayRequest request) {
        JsonObject from = HandlerConfigs.object(config, "token_from");
        Optional<String> token;
        if (from.containsKey("header")) {
            String name = HandlerConfigs.string(from, "header").orElse("Authorization");
            token = request.header(name).map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7) : v);
        } else if (from.containsKey("query_parameter")) {
            String name = HandlerConfigs.string(from, "query_parameter").orElse("");
            token = query(request.rawQuery(), name);
        } else if (from.containsKey("cookie")) {
            token = Optional.ofNullable(request.cookies().get(HandlerConfigs.string(from, "cookie").orElse("")));
        } else {
            token = request.bearerToken();
        }
        String prefix = HandlerConfigs.string(config, "prefix").orElse("");
        return token.map(String::trim).filter(t -> !t.isEmpty() && t.length() <= MAX_TOKEN && t.startsWith(prefix));
    }

    private static Optional<String> query(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static void validate(JsonObject config) {
        JsonObject from = HandlerConfigs.object(config, "token_from");
        if (from.size() > 1) {
            throw new IllegalArgumentException("token_from takes one of header, query_parameter, cookie");
        }
    }
}
