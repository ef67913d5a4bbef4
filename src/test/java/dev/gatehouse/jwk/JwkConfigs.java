package dev.gatehouse.jwk;

import dev.gatehouse.kernel.config.MapConfig;

import java.util.HashMap;
import java.util.Map;

/** {@code gatehouse.jwk.*} as shipped, with overrides, for tests. */
final class JwkConfigs {

    private JwkConfigs() {
    }

    static MapConfig map(String... overrides) {
        Map<String, String> m = new HashMap<>(Map.of(
                "gatehouse.jwk.default-alg", "RS256",
                "gatehouse.jwk.rotation-period", "30d",
                "gatehouse.jwk.retire-after", "45d",
                "gatehouse.jwk.rotation-check-interval", "10m",
                "gatehouse.jwk.cache-ttl", "30s",
                "gatehouse.jwk.signing-key-store", "database",
                "gatehouse.jwk.pkcs11.slot-list-index", "0"));
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return new MapConfig(m);
    }

    static JwkConfig of(String... overrides) {
        return new JwkConfig(map(overrides));
    }
}
