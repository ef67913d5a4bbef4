package dev.gatehouse.oauth2.client.jpa;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.AccessTokenStrategy;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.oauth2.client.TokenEndpointAuthMethod;
import dev.gatehouse.oauth2.client.TokenLifespans;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Between {@link RegisteredClient} and its row: lists as JSON arrays, scope space-separated, lifespans in ms. */
final class ClientMapper {

    private ClientMapper() {
    }

    static void write(RegisteredClient r, ClientEntity e) {
        OAuth2Client c = r.client();
        e.clientName = c.clientName();
        e.secretHash = r.secretHash().orElse(null);
        e.registrationTokenHash = r.registrationTokenHash().orElse(null);
        e.redirectUris = array(c.redirectUris());
        e.postLogoutRedirectUris = array(c.postLogoutRedirectUris());
        e.grantTypes = array(c.grantTypes().stream().sorted().toList());
        e.responseTypes = array(c.responseTypes().stream().sorted().toList());
        e.scope = String.join(" ", c.scopes().stream().sorted().toList());
        e.audience = array(c.audience().stream().sorted().toList());
        e.tokenEndpointAuthMethod = c.tokenEndpointAuthMethod().wire();
        e.jwks = c.jwks().orElse(null);
        e.jwksUri = c.jwksUri().map(URI::toString).orElse(null);
        e.skipConsent = c.skipConsent();
        e.accessTokenStrategy = c.accessTokenStrategy().wire();
        e.accessTokenLifespanMs = millis(c.lifespans().accessToken());
        e.refreshTokenLifespanMs = millis(c.lifespans().refreshToken());
        e.idTokenLifespanMs = millis(c.lifespans().idToken());
        e.authorizationCodeLifespanMs = millis(c.lifespans().authorizationCode());
        e.backchannelLogoutUri = c.backchannelLogoutUri().map(URI::toString).orElse(null);
        e.backchannelLogoutSessionRequired = c.backchannelLogoutSessionRequired();
        e.metadata = c.metadata();
        if (e.createdAt == null) {
            e.createdAt = c.createdAt();
        }
        e.updatedAt = r.updatedAt();
    }

    static RegisteredClient read(ClientEntity e) {
        OAuth2Client c = new OAuth2Client(e.clientId, e.clientName, list(e.redirectUris), list(e.postLogoutRedirectUris),
                Set.copyOf(list(e.grantTypes)), Set.copyOf(list(e.responseTypes)),
                Arrays.stream(e.scope.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                Set.copyOf(list(e.audience)),
                TokenEndpointAuthMethod.parse(e.tokenEndpointAuthMethod).orElseThrow(),
                Optional.ofNullable(e.jwks), Optional.ofNullable(e.jwksUri).map(URI::create), e.skipConsent,
                AccessTokenStrategy.parse(e.accessTokenStrategy).orElseThrow(),
                new TokenLifespans(duration(e.accessTokenLifespanMs), duration(e.refreshTokenLifespanMs),
                        duration(e.idTokenLifespanMs), duration(e.authorizationCodeLifespanMs)),
                Optional.ofNullable(e.backchannelLogoutUri).map(URI::create), e.backchannelLogoutSessionRequired,
                e.metadata, e.createdAt);
        return new RegisteredClient(new TenantId(e.tenantId), c, Optional.ofNullable(e.secretHash),
                Optional.ofNullable(e.registrationTokenHash), e.updatedAt);
    }

    private static String array(Collection<String> values) {
        JsonArrayBuilder b = JsonP.createArrayBuilder();
        values.forEach(b::add);
        return b.build().toString();
    }

    private static List<String> list(String json) {
        try (JsonReader r = JsonP.createReader(new StringReader(json))) {
            return r.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    private static Long millis(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(null);
    }

    private static Optional<Duration> duration(Long ms) {
        return Optional.ofNullable(ms).map(Duration::ofMillis);
    }
}
