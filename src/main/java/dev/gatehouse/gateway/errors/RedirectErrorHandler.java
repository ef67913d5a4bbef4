package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayRequest;
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
    public Bound bind(JsonObject config) {
        RedirectConfig c = RedirectConfig.parse(config);
        return (request, error) -> handle(request, c);
    }

    private ErrorAnswer handle(GatewayRequest request, RedirectConfig config) {
        String to = config.to().orElseGet(() -> gateway.loginUrl());
        String original = request.target().scheme() + "://" + request.target().host() + request.target().encodedPath()
                + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        String location = to + (to.contains("?") ? "&" : "?") + config.returnToQueryParam() + "="
                + URLEncoder.encode(original, StandardCharsets.UTF_8);
        return new ErrorAnswer(config.code(), Map.of("Location", location, "Cache-Control", "no-store"), "text/plain", "");
    }
}
