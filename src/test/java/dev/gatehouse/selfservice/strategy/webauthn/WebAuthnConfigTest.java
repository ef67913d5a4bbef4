package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.AttestationPolicy;
import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.config.OverlayConfig;
import dev.gatehouse.kernel.config.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebAuthnConfigTest {

    private static final WebAuthnTenantSettings SETTINGS = new WebAuthnTenantSettings();

    private static MapConfig global(String baseUrl) {
        Map<String, String> values = new HashMap<>(ShippedConfig.values("gatehouse."));
        values.put("gatehouse.public.base-url", baseUrl);
        return new MapConfig(values);
    }

    @Test
    void readWhenNothingSetThenRelyingPartyFromThePublicBaseUrl() {
        WebAuthnConfig config = new WebAuthnConfig(global("https://login.example.org:8443/id"));

        assertEquals("login.example.org", config.relyingParty().id());
        assertEquals("login.example.org", config.relyingParty().name());
        assertEquals(Set.of("https://login.example.org:8443"), config.relyingParty().origins());
        assertInstanceOf(AttestationPolicy.NoneAccepted.class, config.attestationPolicy());
        assertTrue(config.enabled());
        assertFalse(config.passkeyEnabled());
    }

    @Test
    void readWhenTenantSetsItsOwnRelyingPartyThenThatOneWithinItsDomain() {
        WebAuthnConfig config = OverlayConfig.read(SETTINGS, global("https://login.example.org"), Map.of(
                "rp.id", "acme.test", "rp.display-name", "Acme", "rp.origins", "https://id.acme.test, https://acme.test",
                "passkey.enabled", "true"));

        assertEquals("acme.test", config.relyingParty().id());
        assertEquals("Acme", config.relyingParty().name());
        assertEquals(Set.of("https://id.acme.test", "https://acme.test"), config.relyingParty().origins());
        assertTrue(config.passkeyEnabled());
    }

    @Test
    void readWhenIdChangedButOriginsDerivedOutsideItThenRefusedAsAtStartUp() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTINGS, global("https://login.example.org"), Map.of("rp.id", "acme.test")));

        assertEquals("gatehouse.webauthn.rp.origins", e.key());
    }

    @Test
    void readWhenPlainHttpOriginOutsideLocalhostThenRefused() {
        assertThrows(InvalidConfigException.class, () -> OverlayConfig.read(SETTINGS, global("https://login.example.org"),
                Map.of("rp.origins", "http://login.example.org")));
    }

    @Test
    void readWhenTrustedAttestationWithoutTrustStoreThenRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> OverlayConfig.read(SETTINGS, global("https://login.example.org"), Map.of("attestation", "trusted")));

        assertEquals("gatehouse.webauthn.attestation-trust-store", e.key());
    }

    @Test
    void namesWhenListedThenNeitherTrustStoreNorItsPassword() {
        assertFalse(SETTINGS.names().contains("attestation-trust-store"));
        assertFalse(SETTINGS.names().contains("attestation-trust-store-password"));
    }
}
