package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.oauth2.client.InvalidClientMetadataException.Kind;
import dev.gatehouse.oauth2.client.InvalidClientMetadataException.Violation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Hydra's client JSON ({@code client_id, client_secret, client_name, redirect_uris, grant_types, scope, ...})
 * into {@link ClientMetadata}, applying Hydra's defaults and collecting every violation before refusing:
 * redirect URIs absolute without fragment, plain {@code http} only for loopback; known grant and response types (as in
 * Hydra, they need not pair up: a {@code client_credentials} client may keep the default response type {@code code},
 * and the authorization endpoint checks both when the client uses them); {@code private_key_jwt} with exactly one of
 * {@code jwks} or {@code jwks_uri}; inline keys public only; a chosen secret of at least {@value #MIN_SECRET_LENGTH}
 * characters, as Hydra asks (how it is stored depends on its length: {@link ClientSecrets}).
 * Unknown and read-only fields ({@code created_at}, ...) are ignored, so a client read can be sent back as it is.
 */
public final class ClientMetadataParser {

    /** Hydra's minimum for a chosen secret; secrets this short are stored with argon2id ({@link ClientSecrets}). */
    public static final int MIN_SECRET_LENGTH = 6;
    static final int MAX_SECRET_LENGTH = 512;
    static final int MAX_LIST = 100;
    static final int MAX_URI = 2048;
    static final int MAX_ID = 255;
    static final List<String> DEFAULT_GRANT_TYPES = List.of("authorization_code");
    /** OpenID Connect Registration §2: omitted, the client uses only {@code code} (Hydra reads an empty list so too). */
    static final List<String> DEFAULT_RESPONSE_TYPES = List.of("code");
    static final String DEFAULT_SCOPE = "offline_access offline openid";
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials",
            "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:ietf:params:oauth:grant-type:jwt-bearer");
    /** The words of a response type (RFC 6749 §3.1.1, OAuth 2.0 Multiple Response Types); {@code none} stands alone. */
    static final Set<String> RESPONSE_TYPE_WORDS = Set.of("code", "token", "id_token");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~:@+-]{1," + MAX_ID + "}");
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Duration MAX_LIFESPAN = Duration.ofDays(3650);

    /** Hydra's per-client lifespans that map onto {@link TokenLifespans}. */
    public static final String ACCESS_TOKEN_LIFESPAN = "authorization_code_grant_access_token_lifespan";
    public static final String REFRESH_TOKEN_LIFESPAN = "authorization_code_grant_refresh_token_lifespan";
    public static final String ID_TOKEN_LIFESPAN = "authorization_code_grant_id_token_lifespan";

    private final JsonObject json;
    private final List<Violation> violations = new ArrayList<>();

    private ClientMetadataParser(JsonObject json) {
        this.json = json;
    }

    /** @throws InvalidClientMetadataException with every violation found */
    public static ClientMetadata parse(JsonObject json) {
        return new ClientMetadataParser(json).read();
    }

    private ClientMetadata read() {
        Set<String> present = new LinkedHashSet<>();
        json.forEach((k, v) -> {
            if (v.getValueType() != JsonValue.ValueType.NULL) {
                present.add(k);
            }
        });
        Optional<String> clientId = string("client_id").filter(id -> check(CLIENT_ID.matcher(id).matches(), "client_id",
                "must be 1-" + MAX_ID + " characters out of letters, digits and . _ ~ : @ + -"));
        String clientName = string("client_name").orElse("");
        check(clientName.length() <= MAX_ID, "client_name", "must be at most " + MAX_ID + " characters");

        TokenEndpointAuthMethod method = string("token_endpoint_auth_method")
                .map(m -> TokenEndpointAuthMethod.parse(m).orElseGet(() -> {
                    fail("token_endpoint_auth_method", "must be one of client_secret_basic, client_secret_post, private_key_jwt, none");
                    return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
                })).orElse(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC);
        AccessTokenStrategy strategy = string("access_token_strategy")
                .map(s -> AccessTokenStrategy.parse(s).orElseGet(() -> {
                    fail("access_token_strategy", "must be opaque or jwt");
                    return AccessTokenStrategy.OPAQUE;
                })).orElse(AccessTokenStrategy.OPAQUE);

        Optional<String> secret = string("client_secret");
        secret.ifPresent(s -> secretRules(s, method));

        List<String> redirectUris = uris("redirect_uris", Kind.REDIRECT_URI);
        List<String> postLogout = uris("post_logout_redirect_uris", Kind.METADATA);
        Set<String> grantTypes = new LinkedHashSet<>(strings("grant_types").orElse(DEFAULT_GRANT_TYPES));
        Set<String> responseTypes = new LinkedHashSet<>(strings("response_types").filter(l -> !l.isEmpty())
                .orElse(DEFAULT_RESPONSE_TYPES));
        typeRules(grantTypes, responseTypes, method, redirectUris);

        Set<String> scopes = new LinkedHashSet<>();
        for (String token : string("scope").orElse(DEFAULT_SCOPE).split(" ")) {
            if (!token.isEmpty() && check(SCOPE_TOKEN.matcher(token).matches(), "scope",
                    "must be scope tokens separated by single spaces (RFC 6749 §3.3)")) {
                scopes.add(token);
            }
        }
        Set<String> audience = new LinkedHashSet<>(strings("audience").orElse(List.of()));
        audience.forEach(a -> check(!a.isBlank() && a.length() <= MAX_URI, "audience", "entries must be non-blank"));

        Optional<String> jwks = jwks();
        Optional<URI> jwksUri = string("jwks_uri").flatMap(u -> uri("jwks_uri", u, Kind.METADATA));
        check(jwks.isEmpty() || jwksUri.isEmpty(), "jwks", "jwks and jwks_uri cannot both be set");
        if (method == TokenEndpointAuthMethod.PRIVATE_KEY_JWT) {
            check(jwks.isPresent() || jwksUri.isPresent() || present.contains("jwks") || present.contains("jwks_uri"),
                    "jwks", "private_key_jwt needs the client's public keys in jwks or jwks_uri");
        }
        Optional<URI> backchannel = string("backchannel_logout_uri").flatMap(u -> uri("backchannel_logout_uri", u, Kind.METADATA));

        TokenLifespans lifespans = new TokenLifespans(lifespan(ACCESS_TOKEN_LIFESPAN), lifespan(REFRESH_TOKEN_LIFESPAN),
                lifespan(ID_TOKEN_LIFESPAN), Optional.empty());
        String metadata = metadata();
        boolean skipConsent = bool("skip_consent");
        boolean sessionRequired = bool("backchannel_logout_session_required");

        if (!violations.isEmpty()) {
            throw new InvalidClientMetadataException(violations);
        }
        return new ClientMetadata(clientId, secret, present, clientName, redirectUris, postLogout, grantTypes,
                responseTypes, scopes, audience, method, jwks, jwksUri, skipConsent, strategy, lifespans, backchannel,
                sessionRequired, metadata);
    }

    private void secretRules(String secret, TokenEndpointAuthMethod method) {
        if (method == TokenEndpointAuthMethod.NONE || method == TokenEndpointAuthMethod.PRIVATE_KEY_JWT) {
            fail("client_secret", "a client with token_endpoint_auth_method " + method.wire() + " has no secret");
        } else {
            check(secret.length() >= MIN_SECRET_LENGTH && secret.length() <= MAX_SECRET_LENGTH, "client_secret",
                    "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters long (omit it to get a generated one)");
        }
    }

    private void typeRules(Set<String> grantTypes, Set<String> responseTypes, TokenEndpointAuthMethod method,
                           List<String> redirectUris) {
        grantTypes.forEach(g -> check(GRANT_TYPES.contains(g), "grant_types", "unsupported grant type " + g));
        responseTypes.forEach(r -> check(isResponseType(r), "response_types", "unknown response type " + shorten(r)
                + " (code, token, id_token, a combination of them separated by spaces, or none)"));
        check(!grantTypes.contains("authorization_code") || !redirectUris.isEmpty(), "redirect_uris",
                "the authorization_code grant needs a redirect URI");
        check(method != TokenEndpointAuthMethod.NONE || !grantTypes.contains("client_credentials"), "grant_types",
                "a public client (token_endpoint_auth_method none) cannot use client_credentials");
    }

    /** {@code none}, or distinct words out of {@code code token id_token} separated by single spaces, in any order. */
    static boolean isResponseType(String value) {
        if (value.equals("none")) {
            return true;
        }
        List<String> words = List.of(value.split(" ", -1));
        return !value.isEmpty() && RESPONSE_TYPE_WORDS.containsAll(words) && Set.copyOf(words).size() == words.size();
    }

    private List<String> uris(String field, Kind kind) {
        List<String> values = strings(field).orElse(List.of());
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (uri(field, v, kind).isPresent() && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Absolute, no fragment, no user info, plain http only to a loopback host (RFC 8252 §7.3, §8.3). */
    private Optional<URI> uri(String field, String value, Kind kind) {
        URI u;
        try {
            u = new URI(value);
        } catch (URISyntaxException e) {
            return violation(field, "is not a valid URI: " + shorten(value), kind);
        }
        if (value.length() > MAX_URI) {
            return violation(field, "URIs must be at most " + MAX_URI + " characters", kind);
        }
        if (!u.isAbsolute() || u.isOpaque()) {
            return violation(field, "must be an absolute URI: " + shorten(value), kind);
        }
        if (u.getRawFragment() != null || value.contains("#")) {
            return violation(field, "must not contain a fragment: " + shorten(value), kind);
        }
        if (u.getRawUserInfo() != null) {
            return violation(field, "must not contain user information: " + shorten(value), kind);
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(u.getHost())) {
            return violation(field, "plain http is allowed only for localhost, 127.0.0.1 and [::1]: " + shorten(value), kind);
        }
        if ((scheme.equals("http") || scheme.equals("https")) && (u.getHost() == null || u.getHost().isEmpty())) {
            return violation(field, "must name a host: " + shorten(value), kind);
        }
        if (!field.equals("redirect_uris") && !field.equals("post_logout_redirect_uris") && !scheme.equals("https")
                && !scheme.equals("http")) {
            return violation(field, "must be an https URL: " + shorten(value), kind);
        }
        return Optional.of(u);
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("[::1]") || host.equalsIgnoreCase("localhost"));
    }

    private Optional<String> jwks() {
        JsonValue v = json.get("jwks");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            return violation("jwks", "must be a JWK Set object ({\"keys\": [...]})", Kind.METADATA);
        }
        JWKSet set;
        try {
            set = JWKSet.parse(v.toString());
        } catch (ParseException e) {
            return violation("jwks", "is not a valid JWK Set", Kind.METADATA);
        }
        if (set.getKeys().isEmpty()) {
            return violation("jwks", "holds no key", Kind.METADATA);
        }
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                return violation("jwks", "must hold public keys only (a private or symmetric key was given)", Kind.METADATA);
            }
        }
        return Optional.of(set.toString(true));
    }

    private Optional<Duration> lifespan(String field) {
        return string(field).flatMap(text -> {
            Optional<Duration> d = GoDurations.parse(text).filter(x -> !x.isZero() && x.compareTo(MAX_LIFESPAN) <= 0);
            if (d.isEmpty()) {
                fail(field, "must be a duration such as 1h, 30m or 1h30m0s, more than zero and at most 3650 days");
            }
            return d;
        });
    }

    private String metadata() {
        JsonValue v = json.get("metadata");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return "{}";
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            fail("metadata", "must be a JSON object");
            return "{}";
        }
        return v.toString();
    }

    private Optional<String> string(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            return violation(field, "must be a string", Kind.METADATA);
        }
        return Optional.of(((JsonString) v).getString());
    }

    private boolean bool(String field) {
        JsonValue v = json.get(field);
        if (v == null) {
            return false;
        }
        return switch (v.getValueType()) {
            case TRUE -> true;
            case FALSE, NULL -> false;
            default -> {
                fail(field, "must be true or false");
                yield false;
            }
        };
    }

    private Optional<List<String>> strings(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        Kind kind = field.equals("redirect_uris") ? Kind.REDIRECT_URI : Kind.METADATA;
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            return violation(field, "must be an array of strings", kind);
        }
        JsonArray array = v.asJsonArray();
        if (array.size() > MAX_LIST) {
            return violation(field, "must have at most " + MAX_LIST + " entries", kind);
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : array) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                return violation(field, "must be an array of strings", kind);
            }
            out.add(((JsonString) item).getString());
        }
        return Optional.of(out);
    }

    private boolean check(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
        return ok;
    }

    private void fail(String field, String message) {
        violations.add(new Violation(field, message, Kind.METADATA));
    }

    private <T> Optional<T> violation(String field, String message, Kind kind) {
        violations.add(new Violation(field, message, kind));
        return Optional.empty();
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

}
