package dev.gatehouse.oauth2.client.api;

import dev.gatehouse.kernel.config.MapConfig;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.oauth2.client.ClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * With {@code gatehouse.oauth2.dynamic-registration.enabled=false} (the default) every {@code /oauth2/register}
 * operation answers 404 before it reads anything, as Hydra does. (The IT server has it on.)
 */
class DynamicRegistrationOffTest {

    static ClientConfig config(String enabled) {
        return new ClientConfig(MapConfig.of("gatehouse.oauth2.dynamic-registration.enabled", enabled,
                "gatehouse.oauth2.client.assertion-max-lifetime", "1h", "gatehouse.oauth2.client.jwks-fetch-timeout", "3s",
                "gatehouse.oauth2.client.jwks-cache-ttl", "5m", "gatehouse.oauth2.client.jwks-cache-size", "1000",
                "gatehouse.oauth2.client.cache-ttl", "5s"));
    }

    private static void assertNotFound(Executable call) {
        assertEquals(ApiError.NOT_FOUND, assertThrows(ApiException.class, call).error());
    }

    @Test
    void everyOperationWhenDisabledThenNotFound() {
        DynamicRegistrationResource resource = new DynamicRegistrationResource();
        resource.config = config("false");
        var body = new ByteArrayInputStream("{\"redirect_uris\":[\"https://rp.example/cb\"]}".getBytes(StandardCharsets.UTF_8));

        assertFalse(resource.config.dynamicRegistration());
        assertNotFound(() -> resource.register(body));
        assertNotFound(() -> resource.read("any", "Bearer gh_rat_x"));
        assertNotFound(() -> resource.update("any", "Bearer gh_rat_x", body));
        assertNotFound(() -> resource.delete("any", "Bearer gh_rat_x"));
    }

    @Test
    void configWhenEnabledValueInvalidThenStartupRefused() {
        assertThrows(dev.gatehouse.kernel.config.InvalidConfigException.class, () -> config("maybe"));
    }
}
