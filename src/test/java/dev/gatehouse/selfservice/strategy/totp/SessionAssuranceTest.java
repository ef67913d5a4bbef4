package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.login.EnrolledSecondFactors;
import dev.gatehouse.selfservice.login.SecondFactorGuard;
import dev.gatehouse.selfservice.strategy.SecondFactorFixtures;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.session.AalNotSatisfied;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.adapter.GatewaySessions;
import dev.gatehouse.session.RequiredAal;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionService;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The required-level decision: the session's level against the highest level its identity has available. */
class SessionAssuranceTest {

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final Identity plain = SelfServiceFixtures.identity("plain@example.com", null);
    private final Identity withApp = enrolled(SelfServiceFixtures.identity("app@example.com", null));
    private final SecondFactorFixtures.OneIdentity identities = new SecondFactorFixtures.OneIdentity(withApp);
    private final TotpLogin totp = new TotpLogin(identities,
            new SecondFactorGuard(identities, new SecondFactorFixtures.Throttle(), f.events, f.transactions), f.clock);
    private final SessionAssurance assurance = new SessionAssurance(new EnrolledSecondFactors(List.of(totp)));

    private static Identity enrolled(Identity i) {
        Instant at = i.createdAt();
        Credential credential = new Credential(CredentialType.TOTP, List.of(i.id().toString()), Json.createObjectBuilder()
                .add("totp_url", TotpSecret.generate(new SecureRandom()).uri("id.example", "app@example.com")).build(), 0, at, at);
        return new Identity(i.id(), i.tenant(), i.schemaId(), i.state(), i.stateChangedAt(), i.traits(), i.metadataPublic(),
                i.metadataAdmin(), i.verifiableAddresses(), i.recoveryAddresses(), Map.of(CredentialType.TOTP, credential), at, at, i.version());
    }

    private SessionService.Authenticated aal1(Identity who) {
        return new SessionService.Authenticated(f.sessions.issue(who, "password").session(), who);
    }

    private SessionService.Authenticated aal2(Identity who) {
        var s = f.sessions.issue(who, "password").session();
        return new SessionService.Authenticated(f.sessions.completeWith(s, "totp", "aal2"), who);
    }

    @Test
    void highestAvailableWhenAal1AndSecondFactorEnrolledThenRefused() {
        assertFalse(assurance.satisfies(aal1(withApp), RequiredAal.HIGHEST_AVAILABLE));
    }

    @Test
    void highestAvailableWhenAal1AndNoSecondFactorThenSatisfied() {
        assertTrue(assurance.satisfies(aal1(plain), RequiredAal.HIGHEST_AVAILABLE));
    }

    @Test
    void highestAvailableWhenAal2ThenSatisfied() {
        assertTrue(assurance.satisfies(aal2(withApp), RequiredAal.HIGHEST_AVAILABLE));
    }

    @Test
    void aal1WhenSecondFactorEnrolledThenAal1SessionSatisfies() {
        assertTrue(assurance.satisfies(aal1(withApp), RequiredAal.AAL1));
        assertTrue(assurance.satisfies(aal2(withApp), RequiredAal.AAL1));
    }

    @Test
    void requireWhenRefusedThenAal2LoginUnderThePublicBaseWithReturnTo() {
        AalNotSatisfied e = assertThrows(AalNotSatisfied.class, () -> assurance.require(aal1(withApp), RequiredAal.HIGHEST_AVAILABLE,
                "https://id.example/t/acme", "https://id.example/t/acme/self-service/settings/browser"));

        assertEquals("https://id.example/t/acme/self-service/login/browser?aal=aal2&return_to="
                + "https%3A%2F%2Fid.example%2Ft%2Facme%2Fself-service%2Fsettings%2Fbrowser", e.redirectBrowserTo());
        var body = e.body();
        assertEquals(403, body.getJsonObject("error").getInt("code"));
        assertEquals("session_aal2_required", body.getJsonObject("error").getString("id"));
        assertEquals(e.redirectBrowserTo(), body.getString("redirect_browser_to"));
        assertEquals(e.redirectBrowserTo(), body.getJsonObject("error").getJsonObject("details").getString("redirect_browser_to"));
        assertDoesNotThrow(() -> assurance.require(aal1(plain), RequiredAal.HIGHEST_AVAILABLE, "https://id.example", null));
    }

    @Test
    void requiredAalWhenReadFromWireThenOnlyKratosValues() {
        assertEquals(RequiredAal.HIGHEST_AVAILABLE, RequiredAal.fromWire("highest_available").orElseThrow());
        assertEquals(RequiredAal.AAL1, RequiredAal.fromWire("aal1").orElseThrow());
        assertTrue(RequiredAal.fromWire("aal2").isEmpty());
    }

    @Test
    void gatewayWhenAal1AndSecondFactorEnrolledThenNoSessionAsWhoamiRefusesIt() {
        var gateway = new GatewaySessions(f.sessions, new SessionConfig(ShippedConfig.with()), assurance);
        String withAppToken = f.sessions.issue(withApp, "password").token();
        String plainToken = f.sessions.issue(plain, "password").token();
        java.net.URI base = java.net.URI.create(SelfServiceFixtures.BASE + "/");

        assertTrue(gateway.whoami(SelfServiceFixtures.TENANT, withAppToken, base).isEmpty());
        assertTrue(gateway.whoami(SelfServiceFixtures.TENANT, plainToken, base).isPresent());
    }
}
