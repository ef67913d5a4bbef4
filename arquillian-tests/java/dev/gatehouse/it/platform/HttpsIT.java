package dev.gatehouse.it.platform;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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

    @Test
    void discoveryWhenReadOverHttpsThenTheConfiguredDocumentAndBrowsersKeepToHttps() throws Exception {
        HttpResponse<String> r = ServerTls.get(ServerTls.awaitTrustingClient(), "/.well-known/openid-configuration");

        assertEquals(200, r.statusCode(), r.body());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(r.body());
        assertEquals(ItServer.get().baseUrl(), metadata.getIssuer().getValue(), "the issuer is the public base URL, whatever the hop");
        assertEquals(URI.create(ItServer.get().baseUrl() + "/oauth2/token"), metadata.getTokenEndpointURI());
        assertEquals("max-age=31536000", r.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertFalse(r.headers().allValues("Content-Security-Policy").isEmpty());
    }

    @Test
    void httpsWhenClientDoesNotTrustTheGeneratedCertificateThenHandshakeRefused() throws Exception {
        ServerTls.get(ServerTls.awaitTrustingClient(), "/health/live");
        HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThrows(SSLHandshakeException.class, () -> defaults.send(HttpRequest.newBuilder(ServerTls.https("/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
