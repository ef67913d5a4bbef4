package dev.gatehouse.oauth2.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The URLs a self-registered client may make the server call: none into this machine or an internal network. */
class DynamicRegistrationUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://keys.example.com/jwks", "https://localhost/jwks", "https://127.0.0.1/jwks",
            "https://127.1/jwks", "https://127.0.0.2/jwks", "https://0.0.0.0/jwks", "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.5/jwks", "https://192.168.1.1/jwks", "https://172.16.0.1/jwks", "https://[::1]/jwks",
            "https://[::ffff:127.0.0.1]/jwks", "https://[fd00::1]/jwks", "https://[fe80::1]/jwks"})
    void localWhenThisMachineOrInternalNetworkThenRefused(String url) {
        assertTrue(DynamicRegistration.local(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://keys.example.com/jwks", "https://93.184.216.34/jwks", "https://[2606:4700::1111]/jwks"})
    void localWhenPublicHttpsThenAllowed(String url) {
        assertFalse(DynamicRegistration.local(URI.create(url)), url);
    }
}
