package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.log.Logs;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.oauth2.client.OAuth2Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0: a signed logout token ({@code typ: logout+jwt}) POSTed form-encoded to
 * each client's {@code backchannel_logout_uri}, all at once, each with a short timeout. Failures are logged (never
 * the token) and do not stop the logout; the browser waits at most about one timeout.
 */
@ApplicationScoped
public class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Logger LOG = Logs.of(BackChannelLogout.class);
    private static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");

    @Inject
    JwtSigning jwt;
    @Inject
    AuthorizeConfig config;
    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public void send(String issuer, Optional<String> subject, Optional<String> sid, List<OAuth2Client> clients) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (OAuth2Client client : clients) {
            if (client.backchannelLogoutUri().isEmpty() || client.backchannelLogoutSessionRequired() && sid.isEmpty()) {
                continue;
            }
            String token = jwt.sign(KeySetName.ID_TOKEN, claims(issuer, client.clientId(), subject, sid), LOGOUT_JWT);
            HttpRequest post = HttpRequest.newBuilder(client.backchannelLogoutUri().get()).timeout(config.backchannelTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build();
            sent.add(http.sendAsync(post, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                if (e != null) {
                    LOG.log(Level.WARNING, "Back-channel logout to client {0} failed: {1}", new Object[]{client.clientId(), e.getClass().getSimpleName()});
                } else if (r.statusCode() != 200 && r.statusCode() != 204) {
                    LOG.log(Level.WARNING, "Back-channel logout to client {0} answered {1}", new Object[]{client.clientId(), r.statusCode()});
                }
                return null;
            }));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(config.backchannelTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(Level.WARNING, "Back-channel logout did not finish in time for every client");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    JWTClaimsSet claims(String issuer, String clientId, Optional<String> subject, Optional<String> sid) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(2)))).jwtID(Ids.token(16))
                .claim("events", Map.of(EVENT, Map.of()));
        subject.ifPresent(b::subject);
        sid.ifPresent(s -> b.claim("sid", s));
        return b.build();
    }
}
