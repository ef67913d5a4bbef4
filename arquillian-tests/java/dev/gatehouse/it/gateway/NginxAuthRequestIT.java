package dev.gatehouse.it.gateway;

import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.RawHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nginx {@code auth_request} example of docs/gateway.md, run for real: Debian's nginx (installed by {@code .ci/run})
 * in front of an upstream the test starts, asking Gatehouse's decisions API about every request. The upstream
 * gets the rule's {@code X-User} and never the client's; a request without a session is sent to the sign-in
 * page by nginx's {@code error_page}, and never reaches the upstream.
 */
@ExtendWith(ItServerReady.class)
class NginxAuthRequestIT {

    static final String HOST = "nginx.it.test";
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static TestUpstream app;
    private static Process nginx;
    private static int port;
    private static Path prefix;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(NGINX), "nginx is needed at " + NGINX + " (.ci/run installs Debian's nginx)");
        app = new TestUpstream();
        GatewayRules.install("nginx-it.json", """
                [
                  {"id": "nginx-app", "match": {"url": "http://nginx.it.test/app/<.*>", "methods": ["GET", "POST"]},
                   "authenticators": [{"handler": "cookie_session"}, {"handler": "bearer_token"}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "nginx-public", "match": {"url": "http://nginx.it.test/public/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
                ]
                """, "nginx-public");
        prefix = Files.createTempDirectory("gatehouse-nginx-it");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String gatehouse = ItServer.get().uri("").toString();
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      auth_request /_gatehouse;
                      auth_request_set $gh_user $upstream_http_x_user;
                      proxy_set_header X-User $gh_user;
                      error_page 401 = @login;
                      proxy_pass http://127.0.0.1:%3$d;
                    }
                    location = /_gatehouse {
                      internal;
                      proxy_pass %4$s/decisions;
                      proxy_pass_request_body off;
                      proxy_set_header Content-Length "";
                      proxy_set_header X-Forwarded-Method $request_method;
                      proxy_set_header X-Forwarded-Proto  $scheme;
                      proxy_set_header X-Forwarded-Host   $host;
                      proxy_set_header X-Forwarded-Uri    $request_uri;
                      proxy_set_header Cookie $http_cookie;
                    }
                    location @login { return 302 %4$s/self-service/login/browser?return_to=$scheme://$host$request_uri; }
                  }
                }
                """.formatted(prefix, port, app.port(), gatehouse));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(15);
        while (!listening()) {
            if (!nginx.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("stdout.log"))
                        + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
            }
            Thread.sleep(100);
        }
    }

    private static boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        if (app != null) {
            app.close();
        }
        GatewayRules.delete("nginx-it.json");
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Host", HOST);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject echo(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void appWhenSessionCookieThenUpstreamSeesTheIdentityNotTheForgedHeader() throws Exception {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        HttpResponse<String> r = get("/app/orders?page=2", "Cookie", "gatehouse_session=" + me.token(), "X-User", "admin");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(me.id()), TestUpstream.values(echo(r), "X-User"));
        assertEquals("/app/orders", echo(r).getString("path"));
        assertEquals("page=2", echo(r).getString("query"));
    }

    @Test
    void appWhenBearerSessionTokenThenAuthorizationReachesTheDecision() throws Exception {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        HttpResponse<String> r = get("/app/profile", "Authorization", "Bearer " + me.token());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(me.id()), TestUpstream.values(echo(r), "X-User"));
    }

    @Test
    void appWhenNoSessionThenNginxSendsTheBrowserToSignInAndUpstreamNeverSeesIt() throws Exception {
        int before = app.received("/app/secret").size();

        HttpResponse<String> r = get("/app/secret", "X-User", "admin");

        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(ItServer.get().uri("/self-service/login/browser?return_to=http://nginx.it.test/app/secret").toString()),
                location);
        assertEquals(before, app.received("/app/secret").size());
    }

    @Test
    void publicWhenClientForgesXUserThenUpstreamSeesAnonymous() throws Exception {
        HttpResponse<String> r = get("/public/news", "X-User", "admin");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("anonymous"), TestUpstream.values(echo(r), "X-User"));
    }

    @Test
    void appWhenEncodedDotSegmentsLeadIntoPublicThenRefusedAndUpstreamNeverSeesTheRawPath() {
        int before = app.requests();

        RawHttp.Response r = RawHttp.to(port, "/app/%2e%2e/public/news").header("Host", HOST).header("X-User", "admin").send();

        // nginx passes the raw path on: judged as /public/news it would reach the upstream's /app/ unauthenticated
        assertTrue(r.status() >= 400, r.toString());
        assertEquals(before, app.requests(), "the upstream got a request the gateway judged by another path");
    }
}
