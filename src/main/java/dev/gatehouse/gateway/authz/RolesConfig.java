package dev.gatehouse.gateway.authz;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * {@code roles}' config: the {@code required} roles (at least one), the {@code claim} paths into {@code Extra} they
 * are read from (one path or a list; {@code identity.metadata_public.roles} by default) and whether all or any of
 * them must be held ({@code match}).
 */
record RolesConfig(List<String> required, List<String> claims, boolean any) {

    static final String DEFAULT_CLAIM = "identity.metadata_public.roles";

    static RolesConfig parse(JsonObject config) {
        List<String> required = HandlerConfigs.strings(config, "required");
        if (required.isEmpty()) {
            throw new IllegalArgumentException("required must name at least one role");
        }
        List<String> claims = claims(config);
        String match = HandlerConfigs.string(config, "match").orElse("all");
        if (!match.equals("all") && !match.equals("any")) {
            throw new IllegalArgumentException("match must be all or any");
        }
        return new RolesConfig(required, claims, match.equals("any"));
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
}
