package dev.gatehouse.oidc.discovery;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.oauth2.authorize.AcrValues;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The OpenID Provider Metadata of one issuer (OpenID Connect Discovery 1.0 §3, RFC 8414 §2). It states only
 * what Gatehouse really does: the code flow with PKCE S256 and the {@code iss} authorization response parameter
 * (RFC 9207), the grants, auth methods and algorithms the token server implements, back-channel logout. The registration endpoint appears only when dynamic client
 * registration is switched on.
 */
public final class DiscoveryDocument {

    static final List<String> SCOPES = List.of("openid", "offline_access", "profile", "email", "address", "phone");
    static final List<String> CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
            "sid", "at_hash", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
            "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "email",
            "email_verified", "address", "phone_number", "phone_number_verified");

    private DiscoveryDocument() {
    }

    /**
     * @param issuer               the tenant's issuer, without a trailing slash
     * @param dynamicRegistration  whether {@code /oauth2/register} is served
     */
    public static JsonObject of(String issuer, boolean dynamicRegistration) {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/oauth2/auth")
                .add("token_endpoint", issuer + "/oauth2/token")
                .add("userinfo_endpoint", issuer + "/userinfo")
                .add("jwks_uri", issuer + "/.well-known/jwks.json")
                .add("revocation_endpoint", issuer + "/oauth2/revoke")
                .add("introspection_endpoint", issuer + "/oauth2/introspect")
                .add("end_session_endpoint", issuer + "/oauth2/sessions/logout");
        if (dynamicRegistration) {
            b.add("registration_endpoint", issuer + "/oauth2/register");
        }
        return b.add("response_types_supported", array("code"))
                .add("response_modes_supported", array("query"))
                .add("authorization_response_iss_parameter_supported", true)
                .add("grant_types_supported", array("authorization_code", "refresh_token", "client_credentials"))
                .add("subject_types_supported", array("public"))
                .add("id_token_signing_alg_values_supported", array("RS256", "ES256"))
                .add("scopes_supported", array(SCOPES))
                .add("token_endpoint_auth_methods_supported",
                        array("client_secret_basic", "client_secret_post", "private_key_jwt", "none"))
                .add("token_endpoint_auth_signing_alg_values_supported", array("RS256", "ES256", "PS256"))
                .add("code_challenge_methods_supported", array("S256"))
                .add("claims_supported", array(CLAIMS))
                .add("acr_values_supported", array(AcrValues.SUPPORTED))
                .add("prompt_values_supported", array("none", "login", "consent"))
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("claims_parameter_supported", false)
                .add("backchannel_logout_supported", true)
                .add("backchannel_logout_session_supported", true)
                .add("frontchannel_logout_supported", false)
                .build();
    }

    private static JsonArrayBuilder array(String... values) {
        return array(List.of(values));
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
