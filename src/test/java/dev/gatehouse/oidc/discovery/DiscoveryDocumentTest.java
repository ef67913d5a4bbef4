package dev.gatehouse.oidc.discovery;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The discovery document must not drift: it is compared with a golden file. */
class DiscoveryDocumentTest {

    static JsonObject golden() {
        try (InputStream in = DiscoveryDocumentTest.class.getResourceAsStream("openid-configuration.json")) {
            return Json.createReader(in).readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void documentWhenIssuerGivenThenEqualsGoldenFile() {
        assertEquals(golden(), DiscoveryDocument.of("https://issuer.example/t/acme", false));
    }

    @Test
    void documentWhenDynamicRegistrationOnThenRegistrationEndpointListed() {
        JsonObject on = DiscoveryDocument.of("https://issuer.example/t/acme", true);

        assertEquals("https://issuer.example/t/acme/oauth2/register", on.getString("registration_endpoint"));
        assertFalse(golden().containsKey("registration_endpoint"));
    }
}
