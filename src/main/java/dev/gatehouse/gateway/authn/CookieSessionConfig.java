package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.List;

/** {@code cookie_session}'s config: the session check and the cookie names it looks at ({@code only}). */
record CookieSessionConfig(SessionCheckConfig check, List<String> only) {

    static CookieSessionConfig parse(JsonObject config) {
        return new CookieSessionConfig(SessionCheckConfig.parse(config), HandlerConfigs.strings(config, "only"));
    }
}
