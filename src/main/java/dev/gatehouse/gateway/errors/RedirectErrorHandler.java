package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code redirect}: sends the browser to {@code to} (our login page, {@code gatehouse.gateway.login-url},
 * by default) with {@code code} 302 (or 301/303/307), adding the original URL as
 * {@code return_to_query_param} ({@code return_to} by default) so the user comes back after signing in.
 */
@ApplicationScoped
public class RedirectErrorHandler implements ErrorHandler {

    @Inject
    GatewayConfig gateway;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("to", "code", "return_to_query_param");
    }

    @Override
    public String name() {
        return "redirect";
    }

    @Override
    public ErrorAnswer handle(GatewayRequest request, JsonObject config, GatewayException error) {
        String to = HandlerConfigs.string(config, "to").orElse(gateway.loginUrl());
        String param = HandlerConfigs.string(config, "return_to_query_param").orElse("return_to");
        String original = request.target().scheme() + "://" + request.target().host() + request.target().encodedPath()
                + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        String location = to + (to.contains("?") ? "&" : "?") + param + "=" + URLEncoder.encode(original, StandardCharsets.UTF_8);
        return new ErrorAnswer(HandlerConfigs.integer(config, "code", 302),
                Map.of("Location", location, "Cache-Control", "no-store"), "text/plain", "");
    }

    @Override
    public void validate(JsonObject config) {
        int code = HandlerConfigs.integer(config, "code", 302);
        if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
            throw new IllegalArgumentException("code must be a redirect status");
        }
        HandlerConfigs.string(config, "to").ifPresent(to -> {
            if (to.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new IllegalArgumentException("to must be a URL");
            }
        });
    }
}
