package dev.gatehouse.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A cookie-keeping HTTP client that does what a browser does with Gatehouse's pages, one request at a time:
 * it keeps the cookies it is given and sends them back, and it does not follow redirects by itself, so the
 * tests see each one. Each instance is one browser (its own cookie jar).
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    /** This browser sends the header with every request from now on (e.g. a {@code traceparent}). */
    public Browser sending(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** GET of an absolute URL (e.g. from a mail) or a path on the test server, as a page load. */
    public HttpResponse<String> open(String urlOrPath) {
        return send(HttpRequest.newBuilder(uri(urlOrPath)).header("Accept", "text/html").GET());
    }

    /** Follows a 303 (or any redirect) once. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.body()));
        return open(location);
    }

    /** A form post ({@code name, value, name, value, ...}) as a page's form does it. */
    public HttpResponse<String> postForm(String urlOrPath, String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(uri(urlOrPath)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
    }

    /** A script's GET of JSON from the page (e.g. {@code /self-service/recovery/flows?id=}), with this browser's cookies. */
    public JsonObject json(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** The cookie this browser holds by name, if any. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private static URI uri(String urlOrPath) {
        return urlOrPath.startsWith("http") ? URI.create(urlOrPath) : ItServer.get().uri(urlOrPath);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            headers.forEach(request::header);
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
