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
record TokenFrom(Place place, String name, String prefix) {

    private static final int MAX_TOKEN = 8192;

    static final ConfigKeys KEYS = ConfigKeys.of("token_from.header", "token_from.query_parameter", "token_from.cookie");

    /** Where the token is. */
    enum Place {
        BEARER, HEADER, QUERY_PARAMETER, COOKIE
    }

    static TokenFrom parse(JsonObject config) {
        JsonObject from = HandlerConfigs.object(config, "token_from");
        if (from.size() > 1) {
            throw new IllegalArgumentException("token_from takes one of header, query_parameter, cookie");
        }
        String prefix = HandlerConfigs.string(config, "prefix").orElse("");
        if (from.containsKey("header")) {
            return new TokenFrom(Place.HEADER, HandlerConfigs.string(from, "header").orElse("Authorization"), prefix);
        }
        if (from.containsKey("query_parameter")) {
            return new TokenFrom(Place.QUERY_PARAMETER, HandlerConfigs.string(from, "query_parameter").orElse(""), prefix);
        }
        if (from.containsKey("cookie")) {
            return new TokenFrom(Place.COOKIE, HandlerConfigs.string(from, "cookie").orElse(""), prefix);
        }
        return new TokenFrom(Place.BEARER, "Authorization", prefix);
    }

    Optional<String> read(GatewayRequest request) {
        Optional<String> token = switch (place) {
            case HEADER -> request.header(name).map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7) : v);
            case QUERY_PARAMETER -> query(request.rawQuery(), name);
            case COOKIE -> Optional.ofNullable(request.cookies().get(name));
            case BEARER -> request.bearerToken();
        };
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
}
