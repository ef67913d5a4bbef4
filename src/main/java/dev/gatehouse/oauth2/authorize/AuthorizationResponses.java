package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The redirects that answer an authorization request (RFC 6749 §4.1.2 and §4.1.2.1) with the issuer as
 * {@code iss} (RFC 9207), and the verifier hand-back URLs of the login and consent apps.
 */
public final class AuthorizationResponses {

    private AuthorizationResponses() {
    }

    public static String success(AuthorizationRequest request, String code, String scope, String issuer) {
        StringBuilder b = start(request.redirectUri()).append("code=").append(enc(code));
        request.state().ifPresent(s -> b.append("&state=").append(enc(s)));
        return b.append("&scope=").append(enc(scope)).append("&iss=").append(enc(issuer)).toString();
    }

    public static String error(String redirectUri, OAuth2Error error, String description, Optional<String> state,
                               String issuer) {
        StringBuilder b = start(redirectUri).append("error=").append(enc(error.code()))
                .append("&error_description=").append(enc(description));
        state.ifPresent(s -> b.append("&state=").append(enc(s)));
        return b.append("&iss=").append(enc(issuer)).toString();
    }

    /** {@code url} with one more query parameter. */
    public static String withParameter(String url, String name, String value) {
        return start(url).append(enc(name)).append('=').append(enc(value)).toString();
    }

    private static StringBuilder start(String url) {
        StringBuilder b = new StringBuilder(url);
        if (url.indexOf('?') < 0) {
            b.append('?');
        } else if (!url.endsWith("?") && !url.endsWith("&")) {
            b.append('&');
        }
        return b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
