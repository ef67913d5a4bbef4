package dev.gatehouse.it.platform;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The HTTPS listener, opened by one setting (HTTPS_PORT) with the certificate Liberty generated at the first start:
 * a client that trusts that certificate reads discovery over HTTPS (as an OpenID client library must, e.g. Liberty's
 * own openidConnectClient, which refuses plain HTTP) and is told to keep to HTTPS; one that does not is refused.
 */
@ExtendWith(ItServerReady.class)
class HttpsIT {

    private static final Duration CERTIFICATE_CREATED = Duration.ofSeconds(90);

    /** Trusts exactly the certificate in the server's generated key store (password in its server.env). */
    private static HttpClient trustingTheGeneratedCertificate() throws Exception {
        Path dir = ItServer.get().serverDir();
        String password = Files.readAllLines(dir.resolve("server.env")).stream().filter(l -> l.startsWith("keystore_password="))
                .map(l -> l.substring("keystore_password=".length()).trim()).findFirst().orElseThrow();
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("resources/security/key.p12"))) {
            generated.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        for (String alias : Collections.list(generated.aliases())) {
            Certificate certificate = generated.getCertificate(alias);
            trusted.setCertificateEntry(alias, certificate);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI https(String path) {
        return URI.create("https://localhost:" + ItServer.get().httpsPort() + path);
    }

    /** The listener opens once Liberty has made its certificate (in the background, seconds after the start). */
    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        long deadline = System.nanoTime() + CERTIFICATE_CREATED.toNanos();
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(https(path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException | java.nio.file.NoSuchFileException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static HttpClient awaitTrustingClient() throws Exception {
        Path keyStore = ItServer.get().serverDir().resolve("resources/security/key.p12");
        long deadline = System.nanoTime() + CERTIFICATE_CREATED.toNanos();
        while (!Files.exists(keyStore) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return trustingTheGeneratedCertificate();
    }

    @Test
    void discoveryWhenReadOverHttpsThenTheConfiguredDocumentAndBrowsersKeepToHttps() throws Exception {
        HttpResponse<String> r = get(awaitTrustingClient(), "/.well-known/openid-configuration");

        assertEquals(200, r.statusCode(), r.body());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(r.body());
        assertEquals(ItServer.get().baseUrl(), metadata.getIssuer().getValue(), "the issuer is the public base URL, whatever the hop");
        assertEquals(URI.create(ItServer.get().baseUrl() + "/oauth2/token"), metadata.getTokenEndpointURI());
        assertEquals("max-age=31536000", r.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertFalse(r.headers().allValues("Content-Security-Policy").isEmpty());
    }

    @Test
    void httpsWhenClientDoesNotTrustTheGeneratedCertificateThenHandshakeRefused() throws Exception {
        get(awaitTrustingClient(), "/health/live");
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThrows(SSLHandshakeException.class, () -> defaults.send(HttpRequest.newBuilder(https("/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
