package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code anonymous}: responsible only for requests without an {@code Authorization} header, which get the
 * subject {@code config.subject} ({@code anonymous} by default).
 */
@ApplicationScoped
public class AnonymousAuthenticator implements Authenticator {

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("subject");
    }

    @Override
    public String name() {
        return "anonymous";
    }

    @Override
    public Bound bind(JsonObject config) {
        String subject = HandlerConfigs.string(config, "subject").orElse("anonymous");
        return (request, session) -> {
            if (request.header("Authorization").isPresent()) {
                return false;
            }
            session.subject(subject);
            return true;
        };
    }
}
