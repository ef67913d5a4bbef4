package dev.gatehouse.it.platform;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.it.oauth2.authorize.AuthorizeClients;
import dev.gatehouse.it.oauth2.authorize.Authorizations;
import dev.gatehouse.it.oauth2.authorize.TestBrowser;
import dev.gatehouse.it.selfservice.AppEnrolment;
import dev.gatehouse.it.support.AuditRows;
import dev.gatehouse.it.support.ClusterNodes;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerProcess;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Mailbox;
import dev.gatehouse.it.support.OutboxRows;
import dev.gatehouse.it.support.RoundRobinBalancer;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import dev.gatehouse.it.support.WebhookReceiver;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gatehouse on several nodes for real: three more Liberty servers with the same WAR and configuration on the test
 * server's database, behind a round-robin balancer that hands every request to the next node, so each step of a
 * flow lands on another node than the step before and every node serves part of it. Flows finish on another node
 * than they started on; a logout on one node reaches the client's back-channel; a change made through one node is
 * in force on the others within the documented bound; the scheduled jobs (mail, key rotation, audit retention) do
 * their work once, not once per node.
 */
@ExtendWith(ItServerReady.class)
class MultiNodeIT {

    private static final int NODES = 3;
    private static final String PASSWORD = "several nodes passphrase 7";
    /** Cache lifetimes of the nodes, shorter than the defaults so a test can wait them out (docs/operations.md). */
    private static final Duration SETTINGS_TTL = Duration.ofSeconds(2);
    private static final Duration KEYS_TTL = Duration.ofSeconds(2);
    private static final Duration TENANT_TTL = Duration.ofSeconds(2);
    private static final Duration RULES_RELOAD = Duration.ofMillis(250);
    private static final Duration ROTATION_CHECK = Duration.ofSeconds(1);
    /** The audit retention job: every node runs it twice a second, in batches of a few rows. */
    private static final Duration RETENTION_INTERVAL = Duration.ofMillis(500);
    private static final int AUDIT_BATCH = 4;

    private static RoundRobinBalancer balancer;
    private static ClusterNodes nodes;
    /** Each node's own audit archive directory, as each node of a real cluster writes to its own disk. */
    private static final List<Path> ARCHIVE_DIRS = new ArrayList<>();

    @RegisterExtension
    final Mailbox mail = new Mailbox();

    @BeforeAll
    static void startNodes() throws IOException {
        ItServer.get();
        long started = System.nanoTime();
        balancer = new RoundRobinBalancer();
        for (int i = 0; i < NODES; i++) {
            ARCHIVE_DIRS.add(Files.createTempDirectory("gatehouse-node-audit-archive"));
        }
        nodes = ClusterNodes.start(NODES, balancer.baseUrl(), Map.of(
                "gatehouse.tenant.settings-cache-ttl", SETTINGS_TTL.toMillis() + "ms",
                "gatehouse.tenant.cache-ttl", TENANT_TTL.toMillis() + "ms",
                "gatehouse.jwk.cache-ttl", KEYS_TTL.toMillis() + "ms",
                "gatehouse.gateway.rules.reload-interval", RULES_RELOAD.toMillis() + "ms",
                "gatehouse.jwk.rotation-check-interval", ROTATION_CHECK.toMillis() + "ms",
                "gatehouse.audit.retention-interval", RETENTION_INTERVAL.toMillis() + "ms",
                "gatehouse.audit.batch-size", String.valueOf(AUDIT_BATCH)),
                node -> Map.of("gatehouse.audit.archive-dir", ARCHIVE_DIRS.get(node).toString()), Duration.ofMinutes(10));
        balancer.balance(nodes.ports());
        System.out.println("[multinode] " + NODES + " nodes ready in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    @AfterAll
    static void stopNodes() throws IOException {
        try {
            if (balancer != null) {
                System.out.println("[multinode] requests served by each node through the balancer: "
                        + java.util.Arrays.toString(balancer.countsByNode()));
                balancer.close();
            }
        } finally {
            if (nodes != null) {
                nodes.close();
            }
            for (Path dir : ARCHIVE_DIRS) {
                ItServerProcess.deleteTree(dir);
            }
        }
    }

    private static String lb(String path) {
        return balancer.baseUrl() + path;
    }

    /** Posts JSON to a flow's ui.action (an absolute URL under the balancer's). */
    private static Http.Response submit(JsonObject flow, String json) {
        return Http.post(flow.getJsonObject("ui").getString("action")).json(json).send();
    }

    private static JsonObject startFlow(String kind) {
        Http.Response r = Http.get(lb("/self-service/" + kind + "/api")).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response whoami(String token) {
        return Http.get(lb("/sessions/whoami")).header("X-Session-Token", token).send();
    }

    private static String email(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
    }

    /** Registers through the balancer; answers the registration's JSON (identity, session, session_token). */
    private static JsonObject registered(String email) {
        Http.Response r = submit(startFlow("registration"), "{\"method\":\"password\",\"password\":\"" + PASSWORD
                + "\",\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Node\",\"last\":\"Hopper\"}}}");
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** The nodes that served the requests relayed since {@code from} (an index into the balancer's record). */
    private static List<Integer> nodesSince(int from) {
        List<RoundRobinBalancer.Served> served = balancer.served();
        return served.subList(from, served.size()).stream().map(RoundRobinBalancer.Served::node).toList();
    }

    /** Every step went to another node than the step before, and every node served some (so at least three steps). */
    private static void assertAlternated(List<Integer> served) {
        assertTrue(served.size() >= NODES, served.toString());
        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1), served.get(i), "consecutive steps on one node: " + served);
        }
        assertEquals(NODES, served.stream().distinct().count(), served.toString());
    }

    @Test
    void passwordRegistrationLoginAndLogoutWhenEveryStepOnAnotherNodeThenOneJourney() {
        int from = balancer.served().size();
        String address = email("multinode");

        JsonObject registration = registered(address);
        String identity = registration.getJsonObject("identity").getString("id");
        Http.Response me = whoami(registration.getString("session_token"));
        assertEquals(200, me.status(), me.toString());
        assertEquals(identity, me.jsonObject().getJsonObject("identity").getString("id"));

        Http.Response login = submit(startFlow("login"),
                "{\"method\":\"password\",\"identifier\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, login.status(), login.toString());
        String token = login.jsonObject().getString("session_token");
        assertEquals(identity, whoami(token).jsonObject().getJsonObject("identity").getString("id"));

        Http.Response logout = Http.method("DELETE", lb("/self-service/logout/api")).json("{\"session_token\":\"" + token + "\"}").send();
        assertEquals(204, logout.status(), logout.toString());
        assertEquals(401, whoami(token).status());
        assertEquals(200, whoami(registration.getString("session_token")).status(), "the other session stays");

        assertAlternated(nodesSince(from));
    }

    /**
     * A browser's password sign-in as its HTML form makes it: the flow started on one node (its CSRF cookie set
     * there), the form page rendered by the next, the form posted to a third, the session cookie honoured by another.
     */
    @Test
    void browserPasswordSignInWhenFormPageAndPostOnOtherNodesThenSessionCookieHonouredEverywhere() {
        String address = email("multinode-browser");
        registered(address);
        int from = balancer.served().size();

        Http.Response started = Http.get(lb("/self-service/login/browser")).header("Accept", "text/html").send();
        assertEquals(303, started.status(), started.toString());
        String location = started.header("Location");
        String flow = location.substring(location.indexOf("flow=") + "flow=".length());
        String csrf = cookie(started, "gatehouse_csrf");
        Http.Response page = Http.get(lb("/ui/selfservice/login.xhtml?flow=" + flow)).header("Accept", "text/html")
                .header("Cookie", "gatehouse_csrf=" + csrf).send();
        assertEquals(200, page.status(), page.toString());
        String form = "csrf_token=" + enc(csrf) + "&method=password&identifier=" + enc(address) + "&password=" + enc(PASSWORD);
        Http.Response signedIn = Http.post(lb("/self-service/login?flow=" + flow)).header("Accept", "text/html")
                .header("Cookie", "gatehouse_csrf=" + csrf)
                .body("application/x-www-form-urlencoded", form.getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertEquals(303, signedIn.status(), signedIn.toString());
        String session = cookie(signedIn, "gatehouse_session");
        for (int i = 0; i < NODES; i++) {
            Http.Response me = Http.get(lb("/sessions/whoami")).header("Cookie", "gatehouse_session=" + session).send();
            assertEquals(200, me.status(), me.toString());
            assertEquals(address, me.jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));
        }

        assertAlternated(nodesSince(from));
    }

    private static String cookie(Http.Response r, String name) {
        String set = r.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: " + r));
        return set.substring(name.length() + 1, set.indexOf(';'));
    }

    @Test
    void mailedCodeLoginAndRecoveryWhenCodeAskedOnOneNodeThenAcceptedOnAnother() {
        String address = email("multinode-code");
        registered(address);
        int from = balancer.served().size();

        JsonObject login = startFlow("login");
        Http.Response sent = submit(login, "{\"method\":\"code\",\"identifier\":\"" + address + "\"}");
        assertEquals(200, sent.status(), sent.toString());
        String code = Mailbox.code(mail.awaitMailContaining(address, "your code to sign in"), address);
        Http.Response signedIn = submit(login, "{\"method\":\"code\",\"identifier\":\"" + address + "\",\"code\":\"" + code + "\"}");
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals("code", signedIn.jsonObject().getJsonObject("session").getJsonArray("authentication_methods")
                .getJsonObject(0).getString("method"));

        JsonObject recovery = startFlow("recovery");
        assertEquals(200, submit(recovery, "{\"method\":\"code\",\"email\":\"" + address + "\"}").status());
        String recoveryCode = Mailbox.code(mail.awaitMailContaining(address, "to recover access"), address);
        Http.Response recovered = submit(recovery, "{\"method\":\"code\",\"code\":\"" + recoveryCode + "\"}");
        assertEquals(200, recovered.status(), recovered.toString());
        String token = recovered.jsonObject().getString("session_token");
        JsonObject next = recovered.jsonObject().getJsonArray("continue_with").getJsonObject(0);
        assertEquals("show_settings_ui", next.getString("action"));
        Http.Response changed = Http.post(lb("/self-service/settings?flow=" + next.getJsonObject("flow").getString("id")))
                .header("X-Session-Token", token).json("{\"method\":\"password\",\"password\":\"recovered on another node 8\"}").send();
        assertEquals(200, changed.status(), changed.toString());
        Http.Response withNew = submit(startFlow("login"),
                "{\"method\":\"password\",\"identifier\":\"" + address + "\",\"password\":\"recovered on another node 8\"}");
        assertEquals(200, withNew.status(), withNew.toString());

        assertAlternated(nodesSince(from));
    }

    @Test
    void secondFactorStepUpWhenAskedOnOneNodeThenProvedOnAnother() {
        String address = email("multinode-totp");
        AppEnrolment.Enrolled enrolled = AppEnrolment.signUpWithApp(address, PASSWORD);
        int from = balancer.served().size();

        Http.Response password = submit(startFlow("login"),
                "{\"method\":\"password\",\"identifier\":\"" + address + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, password.status(), password.toString());
        String token = password.jsonObject().getString("session_token");
        assertEquals("aal1", password.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        Http.Response below = whoami(token);
        assertEquals(403, below.status(), below.toString());
        assertEquals("session_aal2_required", below.jsonObject().getJsonObject("error").getString("id"));
        Http.Response stepUp = Http.get(lb("/self-service/login/api?aal=aal2")).header("X-Session-Token", token).send();
        assertEquals(200, stepUp.status(), stepUp.toString());
        // the next time step's code: the current one was spent setting the app up
        String code = new Totp().code(enrolled.secret(), Totp.step(Instant.now()) + 1);
        Http.Response proved = Http.post(stepUp.jsonObject().getJsonObject("ui").getString("action")).header("X-Session-Token", token)
                .json("{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}").send();
        assertEquals(200, proved.status(), proved.toString());
        Http.Response me = whoami(token);
        assertEquals("aal2", me.jsonObject().getString("authenticator_assurance_level"));
        assertEquals(enrolled.identityId(), me.jsonObject().getJsonObject("identity").getString("id"));

        assertAlternated(nodesSince(from));
    }

    @Test
    void authorizationCodeConsentTokenAndRefreshWhenEveryStepOnAnotherNodeThenTokensOfOneIssuer() throws Exception {
        JsonObject registration = registered(email("multinode-oauth"));
        String identity = registration.getJsonObject("identity").getString("id");
        TestClient client = TestClients.publicClient().create();
        TestBrowser browser = new TestBrowser();
        browser.plant("gatehouse_session", registration.getString("session_token"));
        int from = balancer.served().size();

        CodeVerifier verifier = new CodeVerifier();
        Consented consented = consented(browser, new ClientID(client.id()), client.redirect(), verifier);
        var answer = consented.answer();

        URI tokenEndpoint = URI.create(lb("/oauth2/token"));
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        Tokens tokens = token(new TokenRequest.Builder(tokenEndpoint, new ClientID(client.id()),
                new AuthorizationCodeGrant(code, client.redirect(), verifier)).build());
        SignedJWT idToken = SignedJWT.parse(((com.nimbusds.openid.connect.sdk.token.OIDCTokens) tokens).getIDTokenString());
        assertEquals(identity, idToken.getJWTClaimsSet().getSubject());
        assertEquals(balancer.baseUrl(), idToken.getJWTClaimsSet().getIssuer(), "every node is the balancer's issuer");
        JWKSet keys = JWKSet.parse(Http.get(lb("/.well-known/jwks.json")).send().body());
        assertTrue(idToken.verify(new RSASSAVerifier((RSAKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID()))),
                "signed on one node, verified with the keys another node publishes");

        Tokens refreshed = token(new TokenRequest.Builder(tokenEndpoint, new ClientID(client.id()),
                new RefreshTokenGrant(tokens.getRefreshToken())).build());
        assertNotEquals(tokens.getAccessToken().getValue(), refreshed.getAccessToken().getValue());
        Http.Response userinfo = Http.get(lb("/userinfo")).header("Authorization", "Bearer " + refreshed.getAccessToken().getValue()).send();
        assertEquals(200, userinfo.status(), userinfo.toString());
        assertEquals(identity, userinfo.jsonObject().getString("sub"));

        assertAlternated(nodesSince(from));
    }

    /** The client's authorization code through the balancer: authorize, the login and consent pages, the callback. */
    private static Consented consented(TestBrowser browser, ClientID client, URI redirect, CodeVerifier verifier) {
        State state = new State();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "offline_access", "profile"),
                client, redirect).endpointURI(URI.create(lb("/oauth2/auth"))).state(state)
                .nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        String login = Authorizations.location(browser.get(request.toURI()));
        String loginVerifier = Authorizations.location(follow(browser, login));
        String consentApp = Authorizations.location(follow(browser, loginVerifier));
        String consentPage = Authorizations.location(follow(browser, consentApp));
        assertEquals(200, follow(browser, consentPage).statusCode());
        String challenge = java.net.URLDecoder.decode(consentPage.substring(consentPage.indexOf("consent_challenge=")
                + "consent_challenge=".length()), java.nio.charset.StandardCharsets.UTF_8);
        Http.Response consent = Http.get(lb("/admin/oauth2/auth/requests/consent?consent_challenge=" + enc(challenge))).admin().send();
        assertEquals(200, consent.status(), consent.toString());
        String consentVerifier = Authorizations.location(browser.postForm(lb("/oauth2/ui/consent"),
                "consent_challenge", challenge,
                "decision", "allow", "csrf_token", browser.cookie("gatehouse_oauth2_csrf").orElseThrow()));
        String callback = Authorizations.location(follow(browser, consentVerifier));
        var answer = Authorizations.answer(callback);
        assertTrue(answer.indicatesSuccess(), callback);
        assertEquals(state, answer.getState());
        return new Consented(answer, consent.jsonObject().getString("login_session_id"));
    }

    /** An authorization answer and the login session it belongs to. */
    private record Consented(com.nimbusds.oauth2.sdk.AuthorizationResponse answer, String loginSessionId) {
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void logoutWhenEndedOnOneNodeThenTheClientsBackChannelToldWithATokenAnotherNodeVerifies() throws Exception {
        JsonObject registration = registered(email("multinode-bcl"));
        String identity = registration.getJsonObject("identity").getString("id");
        try (WebhookReceiver rp = WebhookReceiver.start()) {
            AuthorizeClients.Client client = AuthorizeClients.publicClient().backchannelLogoutUri(rp.url("/backchannel")).create();
            TestBrowser browser = new TestBrowser();
            browser.plant("gatehouse_session", registration.getString("session_token"));
            int from = balancer.served().size();
            Consented consented = consented(browser, new ClientID(client.id()), URI.create(client.redirectUri()), new CodeVerifier());
            assertTrue(consented.answer().indicatesSuccess());

            String logoutPage = Authorizations.location(browser.get(lb("/oauth2/sessions/logout?client_id=" + enc(client.id())
                    + "&post_logout_redirect_uri=" + enc(client.postLogoutRedirectUri()))));
            String challenge = java.net.URLDecoder.decode(logoutPage.replaceAll(".*[?&]logout_challenge=([^&]+).*", "$1"),
                    java.nio.charset.StandardCharsets.UTF_8);
            Http.Response accepted = Http.method("PUT", lb("/admin/oauth2/auth/requests/logout/accept?logout_challenge=" + enc(challenge)))
                    .admin().json("{}").send();
            assertEquals(200, accepted.status(), accepted.toString());
            assertEquals(client.postLogoutRedirectUri(), Authorizations.location(follow(browser, accepted.jsonObject().getString("redirect_to"))));
            List<WebhookReceiver.Request> told = rp.await(1, Duration.ofSeconds(10));
            assertAlternated(nodesSince(from));

            assertEquals(1, told.size(), told.toString());
            assertEquals("POST", told.get(0).method());
            assertEquals("/backchannel", told.get(0).path());
            String form = told.get(0).body();
            assertTrue(form.startsWith("logout_token="), form);
            SignedJWT token = SignedJWT.parse(java.net.URLDecoder.decode(form.substring("logout_token=".length()),
                    java.nio.charset.StandardCharsets.UTF_8));
            JWKSet keys = JWKSet.parse(Http.get(lb("/.well-known/jwks.json")).send().body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
            assertTrue(key != null && token.verify(new RSASSAVerifier(key)), "signed with a key every node publishes");
            assertEquals("logout+jwt", token.getHeader().getType().getType());
            assertEquals(balancer.baseUrl(), token.getJWTClaimsSet().getIssuer());
            assertEquals(List.of(client.id()), token.getJWTClaimsSet().getAudience());
            assertEquals(identity, token.getJWTClaimsSet().getSubject());
            assertEquals(consented.loginSessionId(), token.getJWTClaimsSet().getStringClaim("sid"), "the login session the consent was given in");
        }
    }

    /** A redirect followed: relative locations are the balancer's. */
    private static java.net.http.HttpResponse<String> follow(TestBrowser browser, String location) {
        return browser.get(location.startsWith("http") ? location : lb(location));
    }

    private static Tokens token(TokenRequest request) throws Exception {
        TokenResponse r = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertTrue(r.indicatesSuccess(), () -> r.toErrorResponse().getErrorObject().toString());
        return r.toSuccessResponse() instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens() : r.toSuccessResponse().getTokens();
    }

    @Test
    void changesMadeOnOneNodeWhenBoundPassedThenInForceOnTheOthers() throws Exception {
        String a = nodes.url(0);
        List<String> others = java.util.stream.IntStream.range(1, NODES).mapToObj(nodes::url).toList();
        String tenant = "multinode-" + UUID.randomUUID().toString().substring(0, 8);
        for (String b : others) {
            assertEquals(404, Http.get(b + "/t/" + tenant + "/tenant").send().status(), "not there yet");
        }

        // a tenant created on one node: the others' look-up caches (misses too) live gatehouse.tenant.cache-ttl
        assertEquals(201, Http.post(a + "/admin/tenants").admin()
                .json("{\"id\":\"" + tenant + "\",\"display_name\":\"Tenant " + tenant + "\",\"hosts\":[]}").send().status());
        seenWithin(TENANT_TTL, "the new tenant on the other nodes",
                () -> others.stream().allMatch(b -> Http.get(b + "/t/" + tenant + "/tenant").send().status() == 200));

        // tenant settings: the other nodes' copies live gatehouse.tenant.settings-cache-ttl
        String prefix = "/t/" + tenant;
        for (String b : others) {
            assertTrue(loginFieldNames(b + prefix).contains("password"), "the other node holds the settings in force");
        }
        Http.Response patched = Http.method("PATCH", a + "/admin/tenants/" + tenant + "/settings").admin()
                .json("{\"selfservice.login.password-free\":true}").send();
        assertEquals(200, patched.status(), patched.toString());
        seenWithin(SETTINGS_TTL, "password-free sign-in on the other nodes",
                () -> others.stream().noneMatch(b -> loginFieldNames(b + prefix).contains("password")));

        // an access rule through the admin API: the other nodes check the tenant's rule version every reload interval
        String ruleId = "multinode-" + UUID.randomUUID();
        String path = "/" + ruleId;
        for (String b : others) {
            assertNotEquals(200, decide(b + prefix, path), "no rule yet");
        }
        Http.Response rule = Http.post(a + prefix + "/admin/rules").admin().json("""
                {"id": "%s", "match": {"url": "http://multinode.it.test%s", "methods": ["GET"]},
                 "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}
                """.formatted(ruleId, path)).send();
        assertEquals(201, rule.status(), rule.toString());
        seenWithin(RULES_RELOAD, "the new rule on the other nodes", () -> others.stream().allMatch(b -> decide(b + prefix, path) == 200));

        // a new signing key: the other nodes sign with their copies of the key set for gatehouse.jwk.cache-ttl
        TestClient client = TestClients.jwtStrategy().tenantPrefix(prefix).create();
        // the first token creates the key set; the next ones are signed with each node's copy of it
        accessTokenKeyId(others.get(0) + prefix, client);
        List<String> before = others.stream().map(b -> accessTokenKeyId(b + prefix, client)).toList();
        Http.Response key = Http.post(a + prefix + "/admin/keys/hydra.jwt.access-token").admin()
                .json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send();
        assertEquals(201, key.status(), key.toString());
        String kid = key.jsonObject().getJsonArray("keys").getJsonObject(0).getString("kid");
        assertTrue(!before.contains(kid), before + " " + kid);
        seenWithin(KEYS_TTL, "the new key signing on the other nodes",
                () -> others.stream().allMatch(b -> kid.equals(accessTokenKeyId(b + prefix, client))));
    }

    private static List<String> loginFieldNames(String base) {
        Http.Response r = Http.get(base + "/self-service/login/api").send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("attributes").getString("name", "")).toList();
    }

    private static int decide(String base, String path) {
        return Http.get(base + "/decisions" + path).header("X-Forwarded-Host", "multinode.it.test")
                .header("X-Forwarded-Proto", "http").send().status();
    }

    private static String accessTokenKeyId(String base, TestClient client) {
        try {
            URI endpoint = URI.create(base + "/oauth2/token");
            TokenResponse r = TokenResponse.parse(new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                    .build().toHTTPRequest().send());
            assertTrue(r.indicatesSuccess(), () -> r.toErrorResponse().getErrorObject().toString());
            return JWSObject.parse(r.toSuccessResponse().getTokens().getAccessToken().getValue()).getHeader().getKeyID();
        } catch (Exception e) {
            throw new AssertionError("token request failed", e);
        }
    }

    /**
     * Polls {@code check} until it holds; it must hold for a check started within {@code bound} of the change (made
     * just before this is called).
     */
    private static void seenWithin(Duration bound, String what, BooleanSupplier check) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            long asked = System.nanoTime();
            if (check.getAsBoolean()) {
                System.out.println("[multinode] " + what + ": seen after " + Duration.ofNanos(System.nanoTime() - start).toMillis()
                        + " ms (bound " + bound.toMillis() + " ms)");
                return;
            }
            if (asked > deadline) {
                fail(what + ": not seen within " + bound);
            }
            pause(50);
        }
    }

    @Test
    void mailQueuedWhenEveryNodeRunsTheCourierThenEachMessageSentOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String address = email("multinode-once");
            addresses.add(address);
            ids.add(OutboxRows.insert("queued", address, 0, Duration.ZERO));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sentCount(ids) < ids.size()) {
            assertTrue(System.nanoTime() < deadline, "queued mail not sent: " + sentCount(ids) + " of " + ids.size());
            pause(100);
        }

        for (String address : addresses) {
            assertEquals(1, mail.to(address).size(), address);
        }
    }

    @Test
    void signingKeyDueWhenEveryNodeChecksThenRotatedOnce() throws Exception {
        String tenant = TestTenants.create("multinode-rotation");
        // the first use of the tenant's keys, on some node, creates the signing keys
        assertEquals(200, Http.get(lb("/t/" + tenant + "/.well-known/jwks.json")).send().status());
        assertEquals(1, idTokenKeys(tenant));
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "UPDATE jwk_key SET created_at = created_at - INTERVAL '31 days', activated_at = activated_at - INTERVAL '31 days' "
                        + "WHERE tenant_id = ? AND set_name = 'hydra.openid.id-token'")) {
            p.setString(1, tenant);
            assertEquals(1, p.executeUpdate());
        }

        long deadline = System.nanoTime() + ROTATION_CHECK.multipliedBy(10).toNanos();
        while (idTokenKeys(tenant) < 2) {
            assertTrue(System.nanoTime() < deadline, "not rotated");
            pause(100);
        }
        // every node checks every second: over three more checks of each, nobody rotates the fresh key again
        long watchedUntil = System.nanoTime() + ROTATION_CHECK.multipliedBy(3).toNanos();
        while (System.nanoTime() < watchedUntil) {
            assertEquals(2, idTokenKeys(tenant), "one rotation, not one per node");
            pause(200);
        }
        int rotations = 0;
        for (int i = 0; i < NODES; i++) {
            rotations += (int) Files.readAllLines(nodes.messagesLog(i)).stream()
                    .filter(l -> l.contains("Rotated the signing key of set hydra.openid.id-token of tenant " + tenant)).count();
        }
        assertEquals(1, rotations, "rotated by exactly one node");
    }

    @Test
    void auditRowsPastRetentionWhenEveryNodeRunsRetentionThenEachArchivedOnceAndPruned() throws Exception {
        String tenant = TestTenants.create("multinode-retention", "{\"audit.retention\":\"1d\"}");
        int old = 6 * AUDIT_BATCH + 1;
        AuditRows.queueOld(tenant, Instant.now().minus(Duration.ofDays(3)), old);
        // one row younger than the retention, so the chain keeps a row to verify from the checkpoint
        AuditRows.queueOld(tenant, Instant.now(), 1);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (checkpoint(tenant) < old) {
            assertTrue(System.nanoTime() < deadline, "not pruned: checkpoint at " + checkpoint(tenant) + " of " + old);
            pause(200);
        }

        assertEquals(List.of((long) old + 1), chainSeqs(tenant), "the young row stays");
        Http.Response verify = Http.get(lb("/t/" + tenant + "/admin/audit/verify")).admin().send();
        assertEquals(200, verify.status(), verify.toString());
        assertTrue(verify.jsonObject().getBoolean("ok"), verify.toString());
        assertEquals(old, verify.jsonObject().getJsonObject("start").getJsonNumber("after_id").longValue(), verify.toString());

        // the IT server runs the job too, on the same database, into its own directory
        List<Path> dirs = new ArrayList<>(ARCHIVE_DIRS);
        dirs.add(ItServer.get().auditArchiveDir());
        List<Long> archived = new ArrayList<>();
        List<Integer> byDirectory = new ArrayList<>();
        for (Path dir : dirs) {
            List<JsonObject> rows = AuditRows.archived(dir, tenant);
            byDirectory.add(rows.size());
            rows.forEach(r -> archived.add(r.getJsonNumber("seq").longValue()));
        }
        System.out.println("[multinode] archived rows by node (the IT server last): " + byDirectory);
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, old).boxed().toList();
        assertEquals(expected, archived.stream().sorted().toList(), "every pruned row archived exactly once");
    }

    /** The last row of the tenant's chain the retention job deleted (0 before the first prune). */
    private static long checkpoint(String tenant) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT last_seq FROM audit_checkpoint WHERE tenant_id = ?")) {
            p.setString(1, tenant);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static List<Long> chainSeqs(String tenant) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT seq FROM audit_event WHERE tenant_id = ? ORDER BY seq")) {
            p.setString(1, tenant);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        }
    }

    /** The tenant's ID-token signing keys as stored (no node's copy). */
    private static int idTokenKeys(String tenant) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM jwk_key WHERE tenant_id = ? AND set_name = 'hydra.openid.id-token'")) {
            p.setString(1, tenant);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int sentCount(List<String> ids) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM courier_message WHERE status = 'sent' AND id = ANY (?)")) {
            p.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection db() throws SQLException {
        ItServer s = ItServer.get();
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
