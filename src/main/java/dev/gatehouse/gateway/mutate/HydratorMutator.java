package dev.gatehouse.gateway.mutate;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code hydrator}: POSTs the session ({@code {subject, extra, header, match_context}}) to {@code api.url} and
 * takes {@code extra} (and {@code header}) from the answer, so an API can enrich the session before later
 * mutators render it. The subject cannot be changed by the API. 200 is required; anything else denies.
 */
@ApplicationScoped
public class HydratorMutator implements Mutator {

    @Inject
    RemoteCalls remote;

    @Override
    public ConfigKeys configKeys() {
        return ConfigKeys.of("api.url", "api.auth.basic.username", "api.auth.basic.password")
                .ignoring("api.retry", "cache");
    }

    @Override
    public String name() {
        return "hydrator";
    }

    @Override
    public Bound bind(JsonObject config) {
        HydratorConfig c = HydratorConfig.parse(config);
        return (request, session) -> mutate(c, session);
    }

    private void mutate(HydratorConfig config, AuthenticationSession session) {
        JsonObjectBuilder header = JsonP.createObjectBuilder();
        session.headers().forEach((k, v) -> header.add(k, JsonP.createArrayBuilder().add(v)));
        String body = JsonP.createObjectBuilder()
                .add("subject", session.subject())
                .add("extra", session.extra())
                .add("header", header)
                .add("match_context", JsonP.createObjectBuilder()
                        .add("regexp_capture_groups", JsonP.createArrayBuilder(session.captureGroups()))
                        .add("url", session.url()).add("method", session.method()))
                .build().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        config.authorization().ifPresent(b -> headers.put("Authorization", b));
        RemoteCalls.Reply reply = remote.call("POST", config.url(), headers, body);
        if (reply.status() != 200) {
            throw GatewayException.internal("hydrator answered " + reply.status());
        }
        JsonObject answer;
        try {
            answer = JsonText.readObject(reply.body());
        } catch (jakarta.json.JsonException e) {
            throw GatewayException.internal("hydrator answer is not JSON");
        }
        JsonValue extra = answer.get("extra");
        if (extra instanceof JsonObject o) {
            session.extra(o);
        }
        JsonValue h = answer.get("header");
        if (h instanceof JsonObject o) {
            o.forEach((k, v) -> {
                if (v instanceof jakarta.json.JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonString s) {
                    session.headers().put(k, s.getString());
                }
            });
        }
    }
}
