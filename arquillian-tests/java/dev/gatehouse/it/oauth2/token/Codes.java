package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.it.support.TestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Authorization codes for the token tests, issued by the real {@link dev.gatehouse.oauth2.token.AuthorizationCodes}
 * in a second copy of the application (a second node on the same database) through {@link CodeIssuingServlet}:
 * {@code Codes.on(node).forClient(client).subject(id).scope("openid").pkce(verifier).issue()}.
 */
final class Codes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URL node;
    private final Map<String, String> form = new LinkedHashMap<>();

    private Codes(URL node) {
        this.node = node;
        form.put("auth_time", String.valueOf(Instant.now().getEpochSecond() - 5));
        form.put("amr", "pwd");
        form.put("acr", "0");
    }

    /** The deployment of every token IT that needs codes. */
    static Codes on(URL node) {
        return new Codes(node);
    }

    Codes forClient(TestClient client) {
        form.put("client_id", client.id());
        form.put("redirect_uri", client.redirectUri());
        return this;
    }

    Codes set(String name, String value) {
        form.put(name, value);
        return this;
    }

    Codes subject(String subject) {
        return set("subject", subject);
    }

    Codes scope(String scope) {
        return set("scope", scope);
    }

    /** An S256 challenge of {@code verifier}, as a client following RFC 7636 sends it. */
    Codes pkce(CodeVerifier verifier) {
        return set("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
    }

    AuthorizationCode issue() {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node + "it-oauth2/code"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("code not issued: " + r.statusCode() + " " + r.body());
            }
            return new AuthorizationCode(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
