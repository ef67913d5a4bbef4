package dev.gatehouse.oauth2.authorize;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.client.AccessTokenStrategy;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.TokenEndpointAuthMethod;
import dev.gatehouse.oauth2.client.TokenLifespans;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationRequestParserTest {

    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String CALLBACK = "https://app.example/cb";

    static final TestKeys keys = new TestKeys();

    static OAuth2Client client(String id, TokenEndpointAuthMethod method, String... redirectUris) {
        return new OAuth2Client(id, "App " + id, List.of(redirectUris), List.of("https://app.example/bye"),
                Set.of("authorization_code", "refresh_token"), Set.of("code"), Set.of("openid", "profile", "email"),
                Set.of("https://api.example"), method, Optional.empty(), Optional.empty(), false, AccessTokenStrategy.OPAQUE,
                TokenLifespans.DEFAULTS, Optional.empty(), false, "{}", Instant.EPOCH);
    }

    AuthorizationRequestParser parser(boolean pkceEnforced) {
        Map<String, OAuth2Client> clients = Map.of(
                "public", client("public", TokenEndpointAuthMethod.NONE, CALLBACK),
                "confidential", client("confidential", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, CALLBACK),
                "two", client("two", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, CALLBACK, "https://app.example/other"));
        AuthorizeConfig config = new AuthorizeConfig(MapConfig.of(
                "gatehouse.oauth2.pkce.enforced", String.valueOf(pkceEnforced),
                "gatehouse.oauth2.challenge-lifespan", "10m",
                "gatehouse.oauth2.urls.post-logout", "/",
                "gatehouse.oauth2.login-session.cookie-name", "s",
                "gatehouse.oauth2.csrf-cookie-name", "c",
                "gatehouse.oauth2.login-session.lifespan", "30d",
                "gatehouse.oauth2.backchannel-logout.timeout", "3s"));
        return new AuthorizationRequestParser(id -> Optional.ofNullable(clients.get(id)), keys, config);
    }

    static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return m;
    }

    static String[] publicRequest(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("client_id", "public", "redirect_uri", CALLBACK,
                "response_type", "code", "scope", "openid profile", "state", "xyz-state",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    AuthorizationOutcome parse(String... kv) {
        return parser(false).parse(params(kv));
    }

    void assertPage(AuthorizationOutcome outcome, OAuth2Error error) {
        AuthorizationOutcome.Page page = assertInstanceOf(AuthorizationOutcome.Page.class, outcome);
        assertEquals(error, page.error());
    }

    void assertRedirect(AuthorizationOutcome outcome, OAuth2Error error) {
        AuthorizationOutcome.Redirect r = assertInstanceOf(AuthorizationOutcome.Redirect.class, outcome);
        assertEquals(error, r.error());
        assertEquals(CALLBACK, r.redirectUri());
    }

    @Test
    void parseWhenPublicClientWithS256ThenValid() {
        AuthorizationRequest r = assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest())).request();
        assertEquals(List.of("openid", "profile"), r.scope());
        assertEquals(Optional.of(CHALLENGE), r.codeChallenge());
        assertEquals(Optional.of("xyz-state"), r.state());
        assertTrue(r.redirectUriGiven());
    }

    @Test
    void parseWhenClientUnknownThenErrorPageNotRedirect() {
        assertPage(parse("client_id", "nobody", "redirect_uri", "https://evil.example/cb", "response_type", "code"),
                OAuth2Error.INVALID_CLIENT);
    }

    @Test
    void parseWhenClientIdMissingThenErrorPage() {
        assertPage(parse("redirect_uri", CALLBACK, "response_type", "code"), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenRedirectUriUnregisteredThenErrorPageNotRedirect() {
        assertPage(parse("client_id", "public", "redirect_uri", "https://evil.example/cb", "response_type", "token"),
                OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenRedirectUriHasExtraPathQueryOrFragmentThenErrorPage() {
        for (String bad : List.of(CALLBACK + "/more", CALLBACK + "?next=https://evil.example", CALLBACK + "#x",
                "https://app.example/CB", "https://app.example.evil.example/cb")) {
            assertPage(parse("client_id", "public", "redirect_uri", bad, "response_type", "code"), OAuth2Error.INVALID_REQUEST);
        }
    }

    @Test
    void parseWhenRedirectUriOmittedAndClientHasExactlyOneThenUsesIt() {
        AuthorizationRequest r = assertInstanceOf(AuthorizationOutcome.Valid.class,
                parse("client_id", "confidential", "response_type", "code")).request();
        assertEquals(CALLBACK, r.redirectUri());
        assertFalse(r.redirectUriGiven());
    }

    @Test
    void parseWhenRedirectUriOmittedAndClientHasTwoThenErrorPage() {
        assertPage(parse("client_id", "two", "response_type", "code"), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenClientIdOrRedirectUriRepeatedThenErrorPage() {
        assertPage(parse(publicRequest("client_id", "public")), OAuth2Error.INVALID_REQUEST);
        assertPage(parse(publicRequest("redirect_uri", "https://evil.example/cb")), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenRedirectUriOversizedThenErrorPage() {
        assertPage(parse("client_id", "public", "redirect_uri", CALLBACK + "?" + "a".repeat(3000), "response_type", "code"),
                OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenOtherParameterRepeatedThenInvalidRequestByRedirectWithState() {
        AuthorizationOutcome o = parse(publicRequest("scope", "email"));
        assertRedirect(o, OAuth2Error.INVALID_REQUEST);
        assertEquals(Optional.of("xyz-state"), ((AuthorizationOutcome.Redirect) o).state());
    }

    @Test
    void parseWhenParameterOversizedThenInvalidRequestByRedirect() {
        assertRedirect(parse(publicRequest("nonce", "n".repeat(AuthorizationRequestParser.MAX_VALUE + 1))), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenUnknownParameterThenIgnored() {
        assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest("foo", "bar", "claims_locales", "de")));
    }

    @Test
    void parseWhenResponseTypeIsNotCodeThenUnsupportedResponseType() {
        Map<String, List<String>> p = params(publicRequest());
        p.put("response_type", List.of("token"));
        assertRedirect(parser(false).parse(p), OAuth2Error.UNSUPPORTED_RESPONSE_TYPE);
        p.put("response_type", List.of("code id_token"));
        assertRedirect(parser(false).parse(p), OAuth2Error.UNSUPPORTED_RESPONSE_TYPE);
        p.remove("response_type");
        assertRedirect(parser(false).parse(p), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenScopeNotAllowedForClientThenInvalidScope() {
        Map<String, List<String>> p = params(publicRequest());
        p.put("scope", List.of("openid admin"));
        assertRedirect(parser(false).parse(p), OAuth2Error.INVALID_SCOPE);
    }

    @Test
    void parseWhenAudienceNotAllowedForClientThenInvalidRequest() {
        assertRedirect(parse(publicRequest("audience", "https://other.example")), OAuth2Error.INVALID_REQUEST);
        assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest("audience", "https://api.example")));
    }

    @Test
    void parseWhenPublicClientHasNoPkceThenInvalidRequest() {
        assertRedirect(parse("client_id", "public", "redirect_uri", CALLBACK, "response_type", "code"), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenPkceMethodPlainOrMissingThenInvalidRequest() {
        Map<String, List<String>> p = params(publicRequest());
        p.put("code_challenge_method", List.of("plain"));
        assertRedirect(parser(false).parse(p), OAuth2Error.INVALID_REQUEST);
        p.remove("code_challenge_method");
        assertRedirect(parser(false).parse(p), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenCodeChallengeMalformedThenInvalidRequest() {
        Map<String, List<String>> p = params(publicRequest());
        p.put("code_challenge", List.of("short"));
        assertRedirect(parser(false).parse(p), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenConfidentialClientHasNoPkceThenValidUnlessEnforced() {
        String[] request = {"client_id", "confidential", "redirect_uri", CALLBACK, "response_type", "code"};
        assertInstanceOf(AuthorizationOutcome.Valid.class, parser(false).parse(params(request)));
        assertRedirect(parser(true).parse(params(request)), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void parseWhenPromptNoneCombinedOrUnknownThenInvalidRequest() {
        assertRedirect(parse(publicRequest("prompt", "none login")), OAuth2Error.INVALID_REQUEST);
        assertRedirect(parse(publicRequest("prompt", "sometimes")), OAuth2Error.INVALID_REQUEST);
        AuthorizationRequest r = assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest("prompt", "login consent"))).request();
        assertTrue(r.prompts(AuthorizationRequest.Prompt.LOGIN) && r.prompts(AuthorizationRequest.Prompt.CONSENT));
    }

    @Test
    void parseWhenMaxAgeIsNotSecondsThenInvalidRequest() {
        assertRedirect(parse(publicRequest("max_age", "-1")), OAuth2Error.INVALID_REQUEST);
        assertRedirect(parse(publicRequest("max_age", "ten")), OAuth2Error.INVALID_REQUEST);
        assertEquals(Optional.of(300L), assertInstanceOf(AuthorizationOutcome.Valid.class,
                parse(publicRequest("max_age", "300"))).request().maxAge());
    }

    @Test
    void parseWhenRequestObjectGivenThenNotSupported() {
        assertRedirect(parse(publicRequest("request", "eyJ.x.y")), OAuth2Error.REQUEST_NOT_SUPPORTED);
        assertRedirect(parse(publicRequest("request_uri", "https://x.example/r")), OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
    }

    @Test
    void parseWhenIdTokenHintSignedByUsThenItsSubjectIsKept() {
        String hint = keys.sign(KeySetName.ID_TOKEN, new JWTClaimsSet.Builder().subject("user-1").build(), JOSEObjectType.JWT);
        AuthorizationRequest r = assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest("id_token_hint", hint))).request();
        assertEquals(Optional.of("user-1"), r.idTokenHintSubject());
    }

    @Test
    void parseWhenIdTokenHintForgedThenInvalidRequest() {
        String other = new TestKeys().sign(KeySetName.ID_TOKEN, new JWTClaimsSet.Builder().subject("user-1").build(), JOSEObjectType.JWT);
        assertRedirect(parse(publicRequest("id_token_hint", other)), OAuth2Error.INVALID_REQUEST);
        assertRedirect(parse(publicRequest("id_token_hint", "not-a-jwt")), OAuth2Error.INVALID_REQUEST);
    }

    @Test
    void requestWhenStoredThenReadBackEqual() {
        String hint = keys.sign(KeySetName.ID_TOKEN, new JWTClaimsSet.Builder().subject("user-1").build(), JOSEObjectType.JWT);
        AuthorizationRequest r = assertInstanceOf(AuthorizationOutcome.Valid.class, parse(publicRequest("nonce", "n-1",
                "max_age", "60", "prompt", "login", "login_hint", "a@example.test", "ui_locales", "ru en",
                "id_token_hint", hint, "acr_values", "aal2", "display", "page", "audience", "https://api.example"))).request();
        assertEquals(r, AuthorizationRequest.fromJson(r.toJson()));
    }
}
