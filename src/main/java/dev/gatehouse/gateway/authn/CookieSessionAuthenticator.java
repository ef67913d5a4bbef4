package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.port.SessionLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code cookie_session}: responsible when the request carries a session cookie (one of {@code only}, or
 * our session cookie when checking in-process); the session must be valid, else 401. With
 * {@code check_session_url} the request's cookies are forwarded there, as Oathkeeper does.
 */
@ApplicationScoped
public class CookieSessionAuthenticator implements Authenticator {

    @Inject
    SessionCheck check;
    @Inject
    SessionLookup sessions;

    @Override
    public ConfigKeys configKeys() {
        return SessionCheckConfig.KEYS.and(ConfigKeys.of("only"));
    }

    @Override
    public String name() {
        return "cookie_session";
    }

    @Override
    public Bound bind(JsonObject config) {
        CookieSessionConfig c = CookieSessionConfig.parse(config);
        return (request, session) -> authenticate(request, c, session);
    }

    private boolean authenticate(GatewayRequest request, CookieSessionConfig config, AuthenticationSession session) {
        List<String> only = config.only();
        if (only.isEmpty() && config.check().checkSessionUrl().isEmpty()) {
            only = List.of(sessions.cookieName());
        }
        List<String> names = only;
        Map<String, String> cookies = request.cookies().entrySet().stream()
                .filter(c -> names.isEmpty() || names.contains(c.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (cookies.isEmpty()) {
            return false;
        }
        String token = cookies.getOrDefault(sessions.cookieName(), cookies.values().iterator().next());
        String cookieHeader = cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        check.check(config.check(), token, Map.of("Cookie", cookieHeader, "Accept", "application/json"), request, session);
        return true;
    }
}
