package dev.gatehouse.oauth2.client;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each client authentication method, and each attack on it, against {@link ClientAuthentication}. */
class ClientAuthenticationTest {

    static final String ISSUER = "https://login.example";
    static final String TOKEN_ENDPOINT = ISSUER + "/oauth2/token";
    static final String INTROSPECT = ISSUER + "/oauth2/introspect";
    static final Set<String> AUDIENCES = Set.of(INTROSPECT, ISSUER, TOKEN_ENDPOINT);
    static final String SECRET = "s3cret+with:odd&chars%-and-long-enough-0123456789";
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static RSAKey rsa;
    static RSAKey otherRsa;
    static ECKey ec;

    private final Map<String, RegisteredClient> clients = new HashMap<>();
    private final Set<String> seenJti = new HashSet<>();
    private final List<SecurityEvent> events = new ArrayList<>();
    private HttpServer jwksServer;
    private ClientAuthentication auth = authentication(new ClientKeys(Duration.ofSeconds(2), Duration.ofMinutes(5), 10,
            Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        otherRsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    @AfterEach
    void stopServer() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    private ClientAuthentication authentication(ClientKeys keys) {
        return authentication(id -> Optional.ofNullable(clients.get(id)), keys);
    }

    private ClientAuthentication authentication(Function<String, Optional<RegisteredClient>> lookup, ClientKeys keys) {
        return new ClientAuthentication(lookup, (clientId, jti, exp) -> seenJti.add(clientId + " " + jti), TestClients.secrets(),
                keys, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC), b -> events.add(b.build()));
    }

    private void register(RegisteredClient c) {
        clients.put(c.clientId(), c);
    }

    private OAuth2Client authenticate(Optional<String> authorization, MultivaluedMap<String, String> form) {
        return auth.authenticate(new ClientAuthenticationRequest(authorization, form, INTROSPECT), AUDIENCES);
    }

    private static MultivaluedMap<String, String> form(String... pairs) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Optional<String> basic(String id, String secret) {
        String raw = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private OAuth2Exception refused(Optional<String> authorization, MultivaluedMap<String, String> form) {
        return assertThrows(OAuth2Exception.class, () -> authenticate(authorization, form));
    }

    private void assertInvalidClient(OAuth2Exception e, boolean challenge) {
        assertEquals(OAuth2Error.INVALID_CLIENT, e.error());
        assertEquals(challenge, e.basicChallenge());
        SecurityEvent last = events.get(events.size() - 1);
        assertEquals(SecurityEventType.OAUTH2_CLIENT_AUTHENTICATION_FAILED, last.type());
        assertFalse(last.toString().contains(SECRET), "no secret in the event");
    }

    // --- client_secret_basic ---

    @Test
    void basicWhenIdAndSecretRightThenClient() {
        register(TestClients.confidential("app:one", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertEquals("app:one", authenticate(basic("app:one", SECRET), form()).clientId());
    }

    @Test
    void basicWhenIdAndSecretNotFormEncodedThenPlusIsNotTakenLiterally() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, "a+b" + SECRET));
        String raw = "app:a+b" + SECRET;

        assertInvalidClient(refused(Optional.of("Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))), form()), true);
    }

    @Test
    void basicWhenSecretWrongThenInvalidClientWithChallenge() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertInvalidClient(refused(basic("app", SECRET + "x"), form()), true);
    }

    @Test
    void basicWhenClientUnknownThenInvalidClientWithChallenge() {
        assertInvalidClient(refused(basic("nobody", SECRET), form()), true);
    }

    @Test
    void basicWhenCredentialsMalformedThenInvalidClientWithChallenge() {
        assertInvalidClient(refused(Optional.of("Basic !!!not-base64"), form()), true);
        assertInvalidClient(refused(Optional.of("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))), form()), true);
        assertInvalidClient(refused(Optional.of("Basic " + Base64.getEncoder().encodeToString("app:%zz".getBytes(StandardCharsets.UTF_8))), form()), true);
    }

    @Test
    void basicWhenClientIdHoldsNulThenInvalidClientWithoutALookup() {
        ClientAuthentication refusingNul = authentication(id -> {
            if (id.indexOf('\0') >= 0) {
                throw new IllegalStateException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00");
            }
            return Optional.ofNullable(clients.get(id));
        }, new ClientKeys(Duration.ofSeconds(2), Duration.ofMinutes(5), 10, Clock.fixed(NOW, ZoneOffset.UTC)));
        String raw = "a%00b:" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);

        OAuth2Exception e = assertThrows(OAuth2Exception.class, () -> refusingNul.authenticate(new ClientAuthenticationRequest(
                Optional.of("Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))), form(), INTROSPECT), AUDIENCES));

        assertInvalidClient(e, true);
    }

    @Test
    void basicWhenClientRegisteredForPostThenInvalidClient() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_POST, SECRET));

        assertInvalidClient(refused(basic("app", SECRET), form()), true);
    }

    @Test
    void basicWhenBodyNamesAnotherClientThenInvalidRequest() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertEquals(OAuth2Error.INVALID_REQUEST, refused(basic("app", SECRET), form("client_id", "other")).error());
    }

    // --- client_secret_post ---

    @Test
    void postWhenIdAndSecretRightThenClient() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_POST, SECRET));

        assertEquals("app", authenticate(Optional.empty(), form("client_id", "app", "client_secret", SECRET)).clientId());
    }

    @Test
    void secretWhenShortChosenSecretStoredWithArgon2idThenBasicAndPostAcceptItAndRefuseAnother() {
        register(TestClients.confidential("hydra-basic", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, "secret7"));
        register(TestClients.confidential("hydra-post", TokenEndpointAuthMethod.CLIENT_SECRET_POST, "secret7"));

        assertEquals("hydra-basic", authenticate(basic("hydra-basic", "secret7"), form()).clientId());
        assertEquals("hydra-post", authenticate(Optional.empty(), form("client_id", "hydra-post", "client_secret", "secret7")).clientId());
        assertInvalidClient(refused(basic("hydra-basic", "secret8"), form()), true);
        assertInvalidClient(refused(Optional.empty(), form("client_id", "hydra-post", "client_secret", "secret7" + SECRET)), false);
    }

    @Test
    void postWhenSecretWrongOrClientRegisteredForBasicThenInvalidClientWithoutChallenge() {
        register(TestClients.confidential("post", TokenEndpointAuthMethod.CLIENT_SECRET_POST, SECRET));
        register(TestClients.confidential("basic", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertInvalidClient(refused(Optional.empty(), form("client_id", "post", "client_secret", "wrong" + SECRET)), false);
        assertInvalidClient(refused(Optional.empty(), form("client_id", "basic", "client_secret", SECRET)), false);
    }

    @Test
    void postWhenPublicClientSendsASecretThenInvalidClient() {
        register(TestClients.publicClient("spa"));

        assertInvalidClient(refused(Optional.empty(), form("client_id", "spa", "client_secret", "")), false);
    }

    // --- none ---

    @Test
    void noneWhenPublicClientNamesItselfThenClient() {
        register(TestClients.publicClient("spa"));

        OAuth2Client c = authenticate(Optional.empty(), form("client_id", "spa"));
        assertEquals("spa", c.clientId());
        assertTrue(c.isPublic());
    }

    @Test
    void noneWhenConfidentialClientSendsNoSecretThenInvalidClient() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertInvalidClient(refused(Optional.empty(), form("client_id", "app")), false);
    }

    @Test
    void noneWhenNoClientIdAtAllThenInvalidClient() {
        assertInvalidClient(refused(Optional.empty(), form()), false);
    }

    // --- one method per request ---

    @Test
    void authenticateWhenTwoMethodsThenInvalidRequest() {
        register(TestClients.confidential("app", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertEquals(OAuth2Error.INVALID_REQUEST, refused(basic("app", SECRET), form("client_secret", SECRET)).error());
        assertEquals(OAuth2Error.INVALID_REQUEST, refused(Optional.empty(), form("client_id", "app", "client_secret", SECRET,
                "client_assertion_type", ClientAuthentication.JWT_BEARER, "client_assertion", "x.y.z")).error());
    }

    @Test
    void authenticateWhenParameterRepeatedThenInvalidRequest() {
        register(TestClients.publicClient("spa"));

        assertEquals(OAuth2Error.INVALID_REQUEST, refused(Optional.empty(), form("client_id", "spa", "client_id", "spa")).error());
    }

    // --- private_key_jwt ---

    private static JWTClaimsSet.Builder claims(String clientId) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(TOKEN_ENDPOINT)
                .expirationTime(Date.from(NOW.plusSeconds(300))).issueTime(Date.from(NOW))
                .jwtID("jti-" + System.nanoTime());
    }

    private static String sign(JWSAlgorithm alg, JWSSigner signer, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(rsa), rsa.getKeyID(), claims);
    }

    private static MultivaluedMap<String, String> assertionForm(String assertion) {
        return form("client_assertion_type", ClientAuthentication.JWT_BEARER, "client_assertion", assertion);
    }

    private void registerInline(String id) {
        register(TestClients.keyBound(id, Optional.of(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()), Optional.empty()));
    }

    @Test
    void privateKeyJwtWhenRs256Es256Ps256SignedByClientKeyThenClient() throws Exception {
        registerInline("svc");

        assertEquals("svc", authenticate(Optional.empty(), assertionForm(rs256(claims("svc").build()))).clientId());
        assertEquals("svc", authenticate(Optional.empty(), assertionForm(sign(JWSAlgorithm.ES256, new ECDSASigner(ec), "ec-1",
                claims("svc").build()))).clientId());
        assertEquals("svc", authenticate(Optional.empty(), assertionForm(sign(JWSAlgorithm.PS256, new RSASSASigner(rsa), "rsa-1",
                claims("svc").build()))).clientId());
    }

    @Test
    void privateKeyJwtWhenAudienceIsIssuerOrThisEndpointThenClient() throws Exception {
        registerInline("svc");

        authenticate(Optional.empty(), assertionForm(rs256(claims("svc").audience(ISSUER).build())));
        authenticate(Optional.empty(), assertionForm(rs256(claims("svc").audience(List.of("other", INTROSPECT)).build())));
    }

    @Test
    void privateKeyJwtWhenAlgNoneThenInvalidClient() {
        registerInline("svc");
        String unsigned = new PlainJWT(claims("svc").build()).serialize();

        assertInvalidClient(refused(Optional.empty(), assertionForm(unsigned)), false);
    }

    @Test
    void privateKeyJwtWhenHs256KeyedWithThePublicKeyThenInvalidClient() throws Exception {
        registerInline("svc");
        byte[] publicKeyBytes = rsa.toRSAPublicKey().getEncoded();
        String forged = sign(JWSAlgorithm.HS256, new MACSigner(publicKeyBytes), "rsa-1", claims("svc").build());

        assertInvalidClient(refused(Optional.empty(), assertionForm(forged)), false);
    }

    @Test
    void privateKeyJwtWhenAlgorithmOutsideRs256Ps256Es256ThenInvalidClient() throws Exception {
        registerInline("svc");

        assertInvalidClient(refused(Optional.empty(), assertionForm(sign(JWSAlgorithm.RS512, new RSASSASigner(rsa), "rsa-1",
                claims("svc").build()))), false);
    }

    @Test
    void privateKeyJwtWhenSignedByAnotherKeyWithTheSameKidThenInvalidClient() throws Exception {
        registerInline("svc");

        assertInvalidClient(refused(Optional.empty(), assertionForm(sign(JWSAlgorithm.RS256, new RSASSASigner(otherRsa), "rsa-1",
                claims("svc").build()))), false);
    }

    @Test
    void privateKeyJwtWhenIssuerOrSubjectNotTheClientThenInvalidClient() throws Exception {
        registerInline("svc");
        registerInline("other");

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").subject("other").build()))), false);
        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").subject(null).build()))), false);
        MultivaluedMap<String, String> namesOther = assertionForm(rs256(claims("svc").build()));
        namesOther.add("client_id", "other");
        assertInvalidClient(refused(Optional.empty(), namesOther), false);
    }

    @Test
    void privateKeyJwtWhenAudienceForeignThenInvalidClient() throws Exception {
        registerInline("svc");

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").audience("https://elsewhere.example/token").build()))), false);
        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").audience((String) null).build()))), false);
    }

    @Test
    void privateKeyJwtWhenExpiredMissingExpOrExpiringTooLateThenInvalidClient() throws Exception {
        registerInline("svc");

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").expirationTime(Date.from(NOW.minusSeconds(1))).build()))), false);
        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").expirationTime(null).build()))), false);
        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").expirationTime(Date.from(NOW.plus(Duration.ofHours(2)))).build()))), false);
        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(10)))).build()))), false);
    }

    @Test
    void privateKeyJwtWhenJtiMissingThenInvalidClient() throws Exception {
        registerInline("svc");

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").jwtID(null).build()))), false);
    }

    @Test
    void privateKeyJwtWhenAssertionReplayedThenSecondUseInvalidClient() throws Exception {
        registerInline("svc");
        String assertion = rs256(claims("svc").build());

        assertEquals("svc", authenticate(Optional.empty(), assertionForm(assertion)).clientId());
        assertInvalidClient(refused(Optional.empty(), assertionForm(assertion)), false);
    }

    @Test
    void privateKeyJwtWhenClientRegisteredForSecretThenInvalidClient() throws Exception {
        register(TestClients.confidential("svc", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, SECRET));

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").build()))), false);
    }

    @Test
    void privateKeyJwtWhenAssertionTypeWrongOrHalfMissingThenRefused() throws Exception {
        registerInline("svc");
        String assertion = rs256(claims("svc").build());

        assertInvalidClient(refused(Optional.empty(), form("client_assertion_type", "urn:other", "client_assertion", assertion)), false);
        assertEquals(OAuth2Error.INVALID_REQUEST, refused(Optional.empty(), form("client_assertion", assertion)).error());
        assertInvalidClient(refused(Optional.empty(), assertionForm("not-a-jwt")), false);
    }

    @Test
    void privateKeyJwtWhenKeysAtJwksUriThenFetchedOnceAndRefetchedForARotatedKey() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(new JWKSet(rsa.toPublicJWK()).toString());
        AtomicInteger fetches = new AtomicInteger();
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
        URI uri = URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks");
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        auth = authentication(new ClientKeys(Duration.ofSeconds(2), Duration.ofMinutes(5), 10, moving));
        register(TestClients.keyBound("svc", Optional.empty(), Optional.of(uri)));

        authenticate(Optional.empty(), assertionForm(rs256(claims("svc").build())));
        authenticate(Optional.empty(), assertionForm(rs256(claims("svc").build())));
        assertEquals(1, fetches.get(), "cached");

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        served.set(new JWKSet(rotated.toPublicJWK()).toString());
        now.set(NOW.plusSeconds(30));
        String signedByNewKey = sign(JWSAlgorithm.RS256, new RSASSASigner(rotated), "rsa-2", claims("svc")
                .expirationTime(Date.from(NOW.plusSeconds(300))).build());
        assertEquals("svc", authenticate(Optional.empty(), assertionForm(signedByNewKey)).clientId());
        assertEquals(2, fetches.get(), "fetched again for the unknown kid");
    }

    @Test
    void privateKeyJwtWhenJwksUriUnreachableThenInvalidClient() throws Exception {
        register(TestClients.keyBound("svc", Optional.empty(), Optional.of(URI.create("http://127.0.0.1:1/jwks"))));

        assertInvalidClient(refused(Optional.empty(), assertionForm(rs256(claims("svc").build()))), false);
    }
}
