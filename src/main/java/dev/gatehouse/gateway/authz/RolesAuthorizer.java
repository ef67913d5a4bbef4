package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
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

    static final String DEFAULT_CLAIM = "identity.metadata_public.roles";

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("claim", "required", "match");
    }

    @Override
    public String name() {
        return "roles";
    }

    @Override
    public void authorize(GatewayRequest request, JsonObject config, AuthenticationSession session) {
        List<String> required = HandlerConfigs.strings(config, "required");
        Set<String> held = new HashSet<>();
        claims(config).forEach(claim -> held.addAll(values(HandlerConfigs.path(session.extra(), claim))));
        boolean any = "any".equals(HandlerConfigs.string(config, "match").orElse("all"));
        boolean ok = any ? required.stream().anyMatch(held::contains) : held.containsAll(required);
        if (!ok) {
            throw GatewayException.forbidden("the subject lacks a required role");
        }
    }

    /** {@code claim}: one path, or a list of paths whose values all count (sessions and tokens keep roles apart). */
    private static List<String> claims(JsonObject config) {
        if (config.get("claim") instanceof JsonArray) {
            List<String> claims = HandlerConfigs.strings(config, "claim");
            if (claims.isEmpty()) {
                throw new IllegalArgumentException("claim must name at least one path");
            }
            return claims;
        }
        return List.of(HandlerConfigs.string(config, "claim").orElse(DEFAULT_CLAIM));
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

    @Override
    public void validate(JsonObject config) {
        if (HandlerConfigs.strings(config, "required").isEmpty()) {
            throw new IllegalArgumentException("required must name at least one role");
        }
        claims(config);
        String match = HandlerConfigs.string(config, "match").orElse("all");
        if (!match.equals("all") && !match.equals("any")) {
            throw new IllegalArgumentException("match must be all or any");
        }
    }
}
