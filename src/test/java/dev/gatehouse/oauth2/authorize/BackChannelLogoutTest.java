package dev.gatehouse.oauth2.authorize;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.oauth2.client.AccessTokenStrategy;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.TokenEndpointAuthMethod;
import dev.gatehouse.oauth2.client.TokenLifespans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-channel logout tokens as a relying party receives them, over a real HTTP server. */
class BackChannelLogoutTest {

    private static final TestKeys KEYS = new TestKeys();

    private final HttpServer rp = server();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private static HttpServer server() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        rp.stop(0);
    }

    private BackChannelLogout sender(String timeout) {
        BackChannelLogout b = new BackChannelLogout();
        b.jwt = KEYS;
        b.clock = Clock.systemUTC();
        b.config = new AuthorizeConfig(MapConfig.of(
                "gatehouse.oauth2.pkce.enforced", "false", "gatehouse.oauth2.challenge-lifespan", "10m",
                "gatehouse.oauth2.urls.post-logout", "/", "gatehouse.oauth2.login-session.cookie-name", "s",
                "gatehouse.oauth2.csrf-cookie-name", "c", "gatehouse.oauth2.login-session.lifespan", "30d",
                "gatehouse.oauth2.backchannel-logout.timeout", timeout));
        return b;
    }

    private OAuth2Client client(String id, String path) {
        return new OAuth2Client(id, id, List.of("https://rp.example/cb"), List.of(), Set.of("authorization_code"),
                Set.of("code"), Set.of("openid"), Set.of(), TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.empty(),
                false, AccessTokenStrategy.OPAQUE, TokenLifespans.DEFAULTS,
                Optional.of(URI.create("http://127.0.0.1:" + rp.getAddress().getPort() + path)), true, "{}", Instant.EPOCH);
    }

    @Test
    void sendWhenClientHasBackchannelUriThenPostsSignedLogoutTokenForm() throws Exception {
        rp.createContext("/bc", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });

        sender("3s").send("https://id.example", Optional.of("user-1"), Optional.of("sid-1"), List.of(client("rp-1", "/bc")));

        String[] got = received.poll(5, TimeUnit.SECONDS).split("\\|", 2);
        assertEquals("application/x-www-form-urlencoded", got[0]);
        assertTrue(got[1].startsWith("logout_token="), got[1]);
        SignedJWT token = SignedJWT.parse(URLDecoder.decode(got[1].substring("logout_token=".length()), StandardCharsets.UTF_8));
        assertTrue(token.verify(new RSASSAVerifier((RSAKey) KEYS.publicKeys().getKeys().get(0))));
        assertEquals(new JOSEObjectType("logout+jwt"), token.getHeader().getType());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals("https://id.example", claims.getIssuer());
        assertEquals(List.of("rp-1"), claims.getAudience());
        assertEquals("user-1", claims.getSubject());
        assertEquals("sid-1", claims.getStringClaim("sid"));
        assertNotNull(claims.getJWTID());
        assertNotNull(claims.getIssueTime());
        assertTrue(claims.getExpirationTime().after(claims.getIssueTime()));
        assertEquals(Map.of(), claims.getJSONObjectClaim("events").get(BackChannelLogout.EVENT));
        assertNull(claims.getClaim("nonce"), "a logout token must not carry a nonce");
    }

    @Test
    void sendWhenClientHangsThenGivesUpAfterTheTimeout() {
        rp.createContext("/slow", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long start = System.nanoTime();

        sender("500ms").send("https://id.example", Optional.of("user-1"), Optional.of("sid-1"), List.of(client("rp-2", "/slow")));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0, "the browser is not kept waiting");
    }

    @Test
    void sendWhenSessionRequiredButNoSidThenNothingIsSent() throws Exception {
        rp.createContext("/bc", exchange -> {
            received.add("called");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });

        sender("1s").send("https://id.example", Optional.of("user-1"), Optional.empty(), List.of(client("rp-3", "/bc")));

        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    }
}
