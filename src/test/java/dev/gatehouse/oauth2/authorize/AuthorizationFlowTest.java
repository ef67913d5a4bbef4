package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthorizationFlowTest {

    static AuthorizationFlow flow() {
        AuthorizationRequest request = new AuthorizationRequest("c", "https://app.example/cb", true, List.of("openid"),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of());
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new AuthorizationFlow(UUID.randomUUID(), new TenantId("default"), "https://id.example/oauth2/auth?x", request,
                "csrf", "lc", Optional.empty(), now, now.plusSeconds(600));
    }

    static LoginDecision login() {
        return new LoginDecision("user", false, Duration.ZERO, Optional.empty(), List.of("pwd"), "{}", Instant.EPOCH, Optional.empty());
    }

    @Test
    void acceptLoginWhenAlreadyAcceptedThenRefused() {
        AuthorizationFlow f = flow();
        f.acceptLogin(login(), "v1");
        assertThrows(IllegalStateException.class, () -> f.acceptLogin(login(), "v2"));
        assertThrows(IllegalStateException.class, () -> f.rejectLogin(new Rejection(dev.gatehouse.oauth2.OAuth2Error.ACCESS_DENIED, "x"), "v3"));
    }

    @Test
    void acceptConsentWhenLoginNotVerifiedThenRefused() {
        AuthorizationFlow f = flow();
        f.acceptLogin(login(), "v1");
        assertThrows(IllegalStateException.class, () -> f.acceptConsent(
                new ConsentDecision(List.of("openid"), List.of(), false, Duration.ZERO, "{}", "{}"), "cv"));
    }

    @Test
    void finishWhenConsentAcceptedThenDoneAndNotAgain() {
        AuthorizationFlow f = flow();
        f.acceptLogin(login(), "v1");
        f.requestConsent("sid", "cc", false);
        f.acceptConsent(new ConsentDecision(List.of("openid"), List.of(), false, Duration.ZERO, "{}", "{}"), "cv");
        f.finish();
        assertEquals(FlowState.DONE, f.state());
        assertThrows(IllegalStateException.class, f::finish);
    }

    @Test
    void isExpiredAtWhenLifespanPassedThenTrue() {
        AuthorizationFlow f = flow();
        assertEquals(false, f.isExpiredAt(f.requestedAt().plusSeconds(599)));
        assertEquals(true, f.isExpiredAt(f.requestedAt().plusSeconds(600)));
    }
}
