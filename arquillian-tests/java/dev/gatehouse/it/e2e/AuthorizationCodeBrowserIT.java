package dev.gatehouse.it.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization code flow with PKCE in a real browser: the relying party (a local HTTP server and the Nimbus
 * SDK) sends the user to /oauth2/auth, the user signs in on the Faces login page and allows access on the Faces
 * consent page, the relying party redeems the code and checks the ID token's signature against the published JWKS.
 */
@ExtendWith(ItServerReady.class)
class AuthorizationCodeBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "an oauth2 browser passphrase 9";

    private HeadlessChromium browser;
    private WebDriver driver;
    private HttpServer relyingParty;
    private final BlockingQueue<URI> callbacks = new LinkedBlockingQueue<>();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

    @BeforeEach
    void start() throws IOException {
        relyingParty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relyingParty.createContext("/cb", exchange -> {
            callbacks.add(exchange.getRequestURI());
            byte[] body = "<html><body><p id=\"rp\">back at the app</p></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        relyingParty.start();
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        relyingParty.stop(0);
    }

    @Test
    void userWhenSignsInAndAllowsThenAppRedeemsCodeWithPkceAndIdTokenVerifiesAgainstJwks() throws Exception {
        String email = "oauth2-e2e-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        Http.Response registered = ApiFlows.register("", email, PASSWORD);
        assertEquals(200, registered.status(), registered.toString());
        String identityId = registered.jsonObject().getJsonObject("identity").getString("id");
        String redirectUri = "http://127.0.0.1:" + relyingParty.getAddress().getPort() + "/cb";
        Http.Response created = Http.post("/admin/clients").admin().json(Json.createObjectBuilder()
                .add("client_name", "Browser Journey App")
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("scope", "openid profile email")
                .add("token_endpoint_auth_method", "none").build().toString()).send();
        assertEquals(201, created.status(), created.toString());
        ClientID clientId = new ClientID(created.jsonObject().getString("client_id"));

        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email"),
                clientId, URI.create(redirectUri)).endpointURI(ItServer.get().uri("/oauth2/auth")).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();

        driver.get(request.toURI().toString());
        awaitPath("/ui/selfservice/login.xhtml");
        type("node-identifier", email);
        type("node-password", PASSWORD);
        driver.findElement(By.id("node-method-password")).click();

        awaitPath("/ui/oauth2/consent.xhtml");
        assertTrue(await(By.id("consent-client")).getText().contains("Browser Journey App"));
        assertNotNull(driver.findElement(By.cssSelector("#consent-scopes li[data-scope='email']")));
        driver.findElement(By.id("consent-allow")).click();
        await(By.id("rp"));
        assertEquals(List.of(), browser.cspViolations(), "the login and consent pages work within their Content-Security-Policy");

        URI callback = callbacks.poll(10, TimeUnit.SECONDS);
        assertNotNull(callback, "the browser came back to the app");
        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(redirectUri + "?" + callback.getRawQuery()));
        assertTrue(answer.indicatesSuccess(), callback.toString());
        assertEquals(state, answer.getState());
        Issuer issuer = new Issuer(ItServer.get().uri("").toString());
        assertEquals(issuer, answer.getIssuer());
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();

        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(ItServer.get().uri("/oauth2/token"), clientId,
                new AuthorizationCodeGrant(code, URI.create(redirectUri), verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();

        // the key set read from the JWKS endpoint as a relying party does, with 10 s to answer (the SDK's 500 ms
        // default is overrun on a busy test machine)
        IDTokenValidator validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
                ItServer.get().uri("/.well-known/jwks.json").toURL(), new DefaultResourceRetriever(10_000, 10_000));
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        assertNotNull(claims.getAuthenticationTime(), "auth_time");
        assertEquals(identityId, claims.getSubject().getValue());
    }

    private void awaitPath(String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + path + ", browser is at " + driver.getCurrentUrl())
                .until(d -> path.equals(URI.create(d.getCurrentUrl()).getPath()));
    }

    private WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void type(String inputId, String text) {
        WebElement input = await(By.id(inputId));
        input.clear();
        input.sendKeys(text);
    }
}
