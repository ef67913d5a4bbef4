package dev.gatehouse.oauth2.client;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientAuthenticationRequestTest {

    private static ClientAuthenticationRequest request(String authorization, String... form) {
        MultivaluedMap<String, String> f = new MultivaluedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            f.add(form[i], form[i + 1]);
        }
        return new ClientAuthenticationRequest(Optional.ofNullable(authorization), f, "https://login.example.com/oauth2/token");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void claimedClientIdWhenBasicThenItsFormDecodedUserOverTheForm() {
        assertEquals("my client:1", request(basic("my+client%3A1:s%3Acret"), "client_id", "other").claimedClientId());
    }

    @Test
    void claimedClientIdWhenNoBasicThenTheSingleClientIdParameter() {
        assertEquals("app", request(null, "client_id", "app", "client_secret", "s").claimedClientId());
        assertNull(request(null, "client_id", "a", "client_id", "b").claimedClientId());
        assertNull(request(null).claimedClientId());
    }

    @Test
    void claimedClientIdWhenBasicMalformedThenNone() {
        assertNull(request("Basic !!!not-base64").claimedClientId());
        assertNull(request(basic("no-colon")).claimedClientId());
    }
}
