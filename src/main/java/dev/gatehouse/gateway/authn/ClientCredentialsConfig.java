package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.util.List;

/** {@code oauth2_client_credentials}' config: where and how to exchange ({@code token_url}, {@code cache}), for which scope. */
record ClientCredentialsConfig(ExchangeConfig exchange, List<String> requiredScope) {

    static ClientCredentialsConfig parse(JsonObject config) {
        ExchangeConfig exchange = ExchangeConfig.parse(config);
        return new ClientCredentialsConfig(exchange, HandlerConfigs.strings(config, "required_scope"));
    }
}
