package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.client.ClientLookup;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the parameters of {@code /oauth2/auth} in the order that keeps us from redirecting anywhere unchecked:
 * first {@code client_id} and {@code redirect_uri} (failures: error page), then everything else (failures:
 * redirect to the now trusted redirect URI with {@code state}). Unknown parameters are ignored; a parameter given
 * twice is {@code invalid_request} (RFC 6749 §3.1); oversized values are refused.
 */
@ApplicationScoped
public class AuthorizationRequestParser {

    static final int MAX_VALUE = 2048;
    static final int MAX_TOKEN_VALUE = 8192;
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private ClientLookup clients;
    private JwtSigning jwt;
    private AuthorizeConfig config;

    protected AuthorizationRequestParser() {
    }

    @Inject
    public AuthorizationRequestParser(ClientLookup clients, JwtSigning jwt, AuthorizeConfig config) {
        this.clients = clients;
        this.jwt = jwt;
        this.config = config;
    }

    /** The client of a request whose client_id and redirect_uri passed, or why not. */
    public AuthorizationOutcome parse(Map<String, List<String>> params) {
        Optional<String> clientId;
        Optional<String> redirectUri;
        try {
            clientId = single(params, "client_id", MAX_VALUE);
            redirectUri = single(params, "redirect_uri", MAX_VALUE);
        } catch (Refused e) {
            return new AuthorizationOutcome.Page(OAuth2Error.INVALID_REQUEST, e.getMessage());
        }
        if (clientId.isEmpty()) {
            return new AuthorizationOutcome.Page(OAuth2Error.INVALID_REQUEST, "The client_id parameter is missing.");
        }
        Optional<OAuth2Client> found = clients.find(clientId.get());
        if (found.isEmpty()) {
            return new AuthorizationOutcome.Page(OAuth2Error.INVALID_CLIENT, "The client is not known.");
        }
        OAuth2Client client = found.get();
        String target;
        if (redirectUri.isPresent()) {
            if (!client.allowsRedirectUri(redirectUri.get())) {
                return new AuthorizationOutcome.Page(OAuth2Error.INVALID_REQUEST,
                        "The redirect_uri is not one the client registered.");
            }
            target = redirectUri.get();
        } else if (client.redirectUris().size() == 1) {
            target = client.redirectUris().get(0);
        } else {
            return new AuthorizationOutcome.Page(OAuth2Error.INVALID_REQUEST,
                    "The redirect_uri parameter is required for this client.");
        }
        Optional<String> state = Optional.empty();
        try {
            state = single(params, "state", MAX_VALUE);
            return new AuthorizationOutcome.Valid(rest(client, target, redirectUri.isPresent(), state, params));
        } catch (Refused e) {
            return new AuthorizationOutcome.Redirect(target, e.error, e.getMessage(), state);
        }
    }

    private AuthorizationRequest rest(OAuth2Client client, String redirectUri, boolean given, Optional<String> state,
                                      Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (p.getValue().size() > 1) {
                throw new Refused(OAuth2Error.INVALID_REQUEST, "The " + safeName(p.getKey()) + " parameter is given more than once.");
            }
        }
        if (single(params, "request", MAX_TOKEN_VALUE).isPresent()) {
            throw new Refused(OAuth2Error.REQUEST_NOT_SUPPORTED, "Request objects are not supported.");
        }
        if (single(params, "request_uri", MAX_VALUE).isPresent()) {
            throw new Refused(OAuth2Error.REQUEST_URI_NOT_SUPPORTED, "The request_uri parameter is not supported.");
        }
        String responseType = single(params, "response_type", MAX_VALUE)
                .orElseThrow(() -> new Refused(OAuth2Error.INVALID_REQUEST, "The response_type parameter is missing."));
        if (!responseType.equals("code")) {
            throw new Refused(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, "Only the response_type code is supported.");
        }
        if (!client.responseTypes().contains("code") || !client.allowsGrant("authorization_code")) {
            throw new Refused(OAuth2Error.UNAUTHORIZED_CLIENT, "The client may not use the authorization code grant.");
        }
        Optional<String> responseMode = single(params, "response_mode", MAX_VALUE);
        if (responseMode.isPresent() && !responseMode.get().equals("query")) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "Only the response_mode query is supported.");
        }
        List<String> scope = spaceList(params, "scope");
        if (!scope.stream().allMatch(s -> SCOPE_TOKEN.matcher(s).matches())) {
            throw new Refused(OAuth2Error.INVALID_SCOPE, "The scope parameter is malformed.");
        }
        if (!client.allowsScopes(Set.copyOf(scope))) {
            throw new Refused(OAuth2Error.INVALID_SCOPE, "The client may not request this scope.");
        }
        List<String> audience = spaceList(params, "audience");
        if (!client.allowsAudience(Set.copyOf(audience))) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "The client may not request this audience.");
        }
        Optional<String> codeChallenge = pkce(client, params);
        Set<AuthorizationRequest.Prompt> prompt = prompt(params);
        Optional<Long> maxAge = maxAge(params);
        Optional<String> hint = single(params, "id_token_hint", MAX_TOKEN_VALUE);
        Optional<String> hintSubject = hint.map(h -> jwt.verify(KeySetName.ID_TOKEN, h)
                .map(c -> c.getSubject())
                .orElseThrow(() -> new Refused(OAuth2Error.INVALID_REQUEST, "The id_token_hint is not valid.")));
        return new AuthorizationRequest(client.clientId(), redirectUri, given, scope, state,
                single(params, "nonce", MAX_VALUE), codeChallenge, prompt, maxAge, single(params, "login_hint", MAX_VALUE),
                spaceList(params, "ui_locales"), hint, hintSubject, spaceList(params, "acr_values"),
                single(params, "display", MAX_VALUE), audience);
    }

    /** RFC 7636: S256 only; required for public clients and, when so configured, for all. */
    private Optional<String> pkce(OAuth2Client client, Map<String, List<String>> params) {
        Optional<String> challenge = single(params, "code_challenge", MAX_VALUE);
        Optional<String> method = single(params, "code_challenge_method", MAX_VALUE);
        if (challenge.isEmpty()) {
            if (method.isPresent()) {
                throw new Refused(OAuth2Error.INVALID_REQUEST, "The code_challenge parameter is missing.");
            }
            if (client.isPublic() || config.pkceEnforced()) {
                throw new Refused(OAuth2Error.INVALID_REQUEST, "PKCE (code_challenge with method S256) is required.");
            }
            return Optional.empty();
        }
        if (method.isEmpty() || !method.get().equals("S256")) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "Only the code_challenge_method S256 is supported.");
        }
        if (!CODE_CHALLENGE.matcher(challenge.get()).matches()) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "The code_challenge is malformed.");
        }
        return challenge;
    }

    private static Set<AuthorizationRequest.Prompt> prompt(Map<String, List<String>> params) {
        Set<AuthorizationRequest.Prompt> prompt = new LinkedHashSet<>();
        for (String p : spaceList(params, "prompt")) {
            prompt.add(AuthorizationRequest.Prompt.parse(p)
                    .orElseThrow(() -> new Refused(OAuth2Error.INVALID_REQUEST, "The prompt parameter has an unknown value.")));
        }
        if (prompt.contains(AuthorizationRequest.Prompt.NONE) && prompt.size() > 1) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "prompt=none cannot be combined with other values.");
        }
        return prompt;
    }

    private static Optional<Long> maxAge(Map<String, List<String>> params) {
        Optional<String> v = single(params, "max_age", MAX_VALUE);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.get().matches("[0-9]{1,10}")) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "The max_age parameter must be a number of seconds.");
        }
        return Optional.of(Long.parseLong(v.get()));
    }

    private static List<String> spaceList(Map<String, List<String>> params, String name) {
        return single(params, name, MAX_VALUE)
                .map(v -> Arrays.stream(v.split(" ")).filter(s -> !s.isEmpty()).distinct().toList())
                .orElse(List.of());
    }

    /** The parameter's one value (empty counts as absent, RFC 6749 §3.1), refusing repeats and oversized values. */
    static Optional<String> single(Map<String, List<String>> params, String name, int max) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "The " + name + " parameter is given more than once.");
        }
        String v = values.get(0);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() > max) {
            throw new Refused(OAuth2Error.INVALID_REQUEST, "The " + name + " parameter is too long.");
        }
        return Optional.of(v);
    }

    private static String safeName(String name) {
        return name.length() <= 40 && name.matches("[A-Za-z0-9_.-]+") ? name : "same";
    }

    /** A refusal while parsing; becomes an error page or an error redirect depending on how far we got. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient OAuth2Error error;

        Refused(OAuth2Error error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }
}
