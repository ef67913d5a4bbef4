package dev.gatehouse.oauth2.token;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.oauth2.client.TokenLifespans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenConfigTest {

    private static MapConfig config(String... extra) {
        String[] base = {"gatehouse.oauth2.access-token.lifespan", "15m", "gatehouse.oauth2.refresh-token.lifespan", "30d",
                "gatehouse.oauth2.id-token.lifespan", "1h", "gatehouse.oauth2.authorization-code.lifespan", "10m",
                "gatehouse.oauth2.token.cleanup-interval", "1h", "gatehouse.oauth2.token.cleanup-grace", "24h"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return MapConfig.of(all);
    }

    @Test
    void lifespanWhenClientHasItsOwnThenItWinsElseDefault() {
        TokenConfig c = new TokenConfig(config());
        TokenLifespans client = new TokenLifespans(Optional.of(Duration.ofMinutes(5)), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertEquals(Duration.ofMinutes(5), c.accessToken(client));
        assertEquals(Duration.ofDays(30), c.refreshToken(client));
        assertEquals(Duration.ofMinutes(10), c.authorizationCode(TokenLifespans.DEFAULTS));
    }

    @Test
    void rotationGracePeriodWhenAbsentThenZero() {
        assertTrue(new TokenConfig(config()).rotationGracePeriod().isZero());
        assertEquals(Duration.ofSeconds(30),
                new TokenConfig(config("gatehouse.oauth2.refresh-token.rotation-grace-period", "30s")).rotationGracePeriod());
    }

    @Test
    void rotationGracePeriodWhenNotADurationThenStartUpStopsNamingTheKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new TokenConfig(config("gatehouse.oauth2.refresh-token.rotation-grace-period", "soon")));

        assertTrue(e.getMessage().contains("gatehouse.oauth2.refresh-token.rotation-grace-period"), e.getMessage());
    }

    @Test
    void claimsWhenConfiguredThenClaimToTraitPaths() {
        TokenConfig c = new TokenConfig(config("gatehouse.oauth2.claims.email", "email",
                "gatehouse.oauth2.claims.name", "name.first name.last"));

        assertEquals(Map.of("email", "email", "name", "name.first name.last"), c.claims());
    }
}
