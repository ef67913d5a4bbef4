package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.port.SubjectClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard claims of a subject that its granted scopes release (OpenID Connect Core §5.4), read from the
 * identity's traits through the configured mapping ({@link TokenConfig#claims()}); {@code email_verified} comes
 * from the identity's verifiable addresses. A subject that is not an identity (a client) has no such claims. The
 * identity is read through {@link SubjectClaims}, in this class's transaction.
 */
@ApplicationScoped
public class UserClaims {

    private static final Map<String, String> SCOPE_OF = scopeTable();

    @Inject
    SubjectClaims subjects;
    @Inject
    TokenConfig config;

    /** Claims for {@code subject} under {@code scopes}, without {@code sub}. */
    @Transactional
    public Map<String, Object> of(TenantId tenant, String subject, Set<String> scopes) {
        Optional<SubjectClaims.Subject> identity = subjects.find(tenant, subject);
        Map<String, Object> claims = new LinkedHashMap<>();
        if (identity.isEmpty()) {
            return claims;
        }
        JsonObject traits = identity.get().traits();
        config.claims().forEach((claim, paths) -> {
            if (scopes.contains(SCOPE_OF.getOrDefault(claim, "profile"))) {
                value(traits, paths).ifPresent(v -> claims.put(claim, v));
            }
        });
        if (scopes.contains("email") && claims.get("email") instanceof String email) {
            claims.put("email_verified", identity.get().verified(email));
        }
        return claims;
    }

    /**
     * The access token claims the built-in consent grants {@code subject}: each configured claim
     * ({@link TokenConfig#accessTokenClaims()}) whose path holds a value, copied as JSON (a list of roles stays a
     * list), as a JSON object text for {@code session.access_token}.
     */
    @Transactional
    public String accessTokenClaims(TenantId tenant, String subject) {
        Optional<SubjectClaims.Subject> identity = subjects.find(tenant, subject);
        JsonObjectBuilder claims = JsonP.createObjectBuilder();
        identity.ifPresent(i -> {
            JsonObject data = JsonP.createObjectBuilder().add("traits", i.traits())
                    .add("metadata_public", i.metadataPublic()).build();
            config.accessTokenClaims().forEach((claim, path) -> {
                JsonValue v = at(data, path);
                if (v != null && v != JsonValue.NULL) {
                    claims.add(claim, v);
                }
            });
        });
        return claims.build().toString();
    }

    private static Optional<Object> value(JsonObject traits, String paths) {
        List<String> parts = new ArrayList<>();
        Object single = null;
        for (String path : paths.trim().split(" +")) {
            JsonValue v = at(traits, path);
            if (v instanceof JsonString s) {
                parts.add(s.getString());
            } else if (v instanceof JsonNumber n) {
                parts.add(n.toString());
                single = n.isIntegral() ? n.longValue() : n.doubleValue();
            } else if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                single = v == JsonValue.TRUE;
                parts.add(String.valueOf(single));
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 && single != null ? single : String.join(" ", parts));
    }

    private static JsonValue at(JsonObject traits, String path) {
        JsonValue v = traits;
        for (String step : path.split("\\.")) {
            if (!(v instanceof JsonObject o) || !o.containsKey(step)) {
                return null;
            }
            v = o.get(step);
        }
        return v;
    }

    private static Map<String, String> scopeTable() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at")) {
            m.put(c, "profile");
        }
        m.put("email", "email");
        m.put("address", "address");
        m.put("phone_number", "phone");
        m.put("phone_number_verified", "phone");
        return Map.copyOf(m);
    }
}
