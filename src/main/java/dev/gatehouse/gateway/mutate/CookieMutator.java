package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code cookie}: sets {@code config.cookies} ({@code {"user": "{{ print .Subject }}"}}) in the upstream
 * request's {@code Cookie} header, replacing client cookies of the same names and keeping the others, as
 * Oathkeeper's. The merged header goes into the session's headers, so the proxy, the servlet filter and the
 * decisions API all pass on the same {@code Cookie}.
 */
@ApplicationScoped
public class CookieMutator implements Mutator {

    private static final String COOKIE = "Cookie";

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("cookies");
    }

    @Override
    public String name() {
        return "cookie";
    }

    @Override
    public Bound bind(JsonObject config) {
        TemplatedValues cookies = TemplatedValues.parse(config, "cookies");
        return (request, session) -> mutate(request, cookies, session);
    }

    private static void mutate(GatewayRequest request, TemplatedValues cookies, AuthenticationSession session) {
        Map<String, String> rendered = new LinkedHashMap<>();
        cookies.render(session, rendered);
        if (rendered.isEmpty()) {
            return;
        }
        for (String value : rendered.values()) {
            if (value.indexOf(';') >= 0) {
                throw GatewayException.internal("a cookie value would hold ';'");
            }
        }
        Map<String, String> all = sentSoFar(request, session);
        all.putAll(rendered);
        session.headers().put(COOKIE, all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
    }

    /** The cookies the upstream would get before this mutator: an earlier cookie mutator's header, else the client's. */
    private static Map<String, String> sentSoFar(GatewayRequest request, AuthenticationSession session) {
        String earlier = session.headers().get(COOKIE);
        if (earlier == null) {
            return new LinkedHashMap<>(new TreeMap<>(request.cookies()));
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : earlier.split("; ")) {
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return cookies;
    }
}
