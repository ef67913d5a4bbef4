package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code roles} (Gatehouse's own): the subject's claims must hold the {@code required} values at
 * {@code claim}, a dotted path into {@code Extra} ({@code identity.metadata_public.roles} by default, which is
 * where a {@code cookie_session}/{@code bearer_token} session keeps an identity's roles; {@code scp} for a
 * JWT's scopes; {@code roles} for an access token whose consent granted roles). {@code claim} may also be a
 * list of such paths, whose values all count. A value may be a list or a space-separated string.
 * {@code match}: {@code all} (default) or {@code any}.
 */
@ApplicationScoped
public class RolesAuthorizer implements Authorizer {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("claim", "required", "match");
    }

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public Bound bind(JsonObject config) {
        RolesConfig c = RolesConfig.parse(config);
        return (request, session) -> authorize(c, session);
    }

    private static void authorize(RolesConfig config, AuthenticationSession session) {
        Set<String> held = new HashSet<>();
        config.claims().forEach(claim -> held.addAll(values(HandlerConfigs.path(session.extra(), claim))));
        boolean ok = config.any() ? config.required().stream().anyMatch(held::contains) : held.containsAll(config.required());
        if (!ok) {
            throw GatewayException.forbidden("the subject lacks a required role");
        }
    }

    private static Set<String> values(JsonValue v) {
        Set<String> out = new HashSet<>();
        if (v instanceof JsonString s) {
            out.addAll(Arrays.asList(s.getString().split(" ")));
        } else if (v instanceof JsonArray a) {
            a.forEach(x -> {
                if (x instanceof JsonString s) {
                    out.add(s.getString());
                }
            });
        }
        return out;
    }
}
