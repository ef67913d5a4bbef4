package dev.gatehouse.it.jwk;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The second node of the key tests: a copy of the application with {@link JwkTestServlet}, and calls to it. */
final class JwkNode {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String base;

    JwkNode(URL node) {
        this.base = node.toExternalForm().replaceAll("/$", "");
    }

    /** The node's base URL, for its own copy of the public and admin APIs. */
    String base() {
        return base;
    }

    /** POSTs to {@code [/t/{tenant}]/it-jwk/{action}}; the body text on 200, null on 404. */
    String call(String tenantPrefix, String action, String query, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + tenantPrefix + "/it-jwk/" + action + "?" + query))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return null;
            }
            if (r.statusCode() != 200) {
                throw new AssertionError("test servlet answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sign(String tenantPrefix, String set, String claimsJson) {
        return call(tenantPrefix, "sign", "set=" + set, claimsJson);
    }

    String forge(String tenantPrefix, String set, String attack, String claimsJson) {
        return call(tenantPrefix, "forge", "set=" + set + "&attack=" + attack, claimsJson);
    }

    /** The verified claims, or null if refused. */
    String verify(String tenantPrefix, String set, String jwt) {
        return call(tenantPrefix, "verify", "set=" + set, jwt);
    }
}
