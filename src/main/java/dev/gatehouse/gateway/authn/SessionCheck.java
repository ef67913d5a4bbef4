package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.session.api.SessionJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.Map;

/**
 * Checks a session credential for {@code cookie_session} and {@code bearer_token}: in-process against our
 * identity sessions (no {@code check_session_url}: the session is read as {@code /sessions/whoami} shows it,
 * subject from {@code identity.id}), or by calling {@code check_session_url} with the credential (200 and
 * a JSON body: valid; subject from {@code subject_from}, claims from {@code extra_from}, gjson-like dotted
 * paths as in Oathkeeper).
 */
@ApplicationScoped
public class SessionCheck {

    @Inject
    SessionService sessions;
    @Inject
    RemoteCalls remote;

    void check(JsonObject config, String token, Map<String, String> forwardHeaders, GatewayRequest request,
               AuthenticationSession session) {
        String url = HandlerConfigs.string(config, "check_session_url").orElse(null);
        JsonValue body;
        String subjectFrom;
        String extraFrom;
        if (url == null) {
            SessionService.Authenticated s = sessions.authenticate(request.tenant(), token)
                    .orElseThrow(() -> GatewayException.unauthorized("no valid session for the credential"));
            body = SessionJson.of(s.session(), s.identity(), URI.create(request.target().scheme() + "://"
                    + request.target().host() + "/"));
            subjectFrom = HandlerConfigs.string(config, "subject_from").orElse("identity.id");
            extraFrom = HandlerConfigs.string(config, "extra_from").orElse("@this");
        } else {
            URI uri = URI.create(url);
            if (config.getBoolean("preserve_path", false)) {
                uri = uri.resolve(request.target().encodedPath());
            }
            RemoteCalls.Reply reply = remote.call("GET", uri, forwardHeaders, null);
            if (reply.status() != 200) {
                throw GatewayException.unauthorized("check_session_url answered " + reply.status());
            }
            body = JsonText.read(reply.body());
            subjectFrom = HandlerConfigs.string(config, "subject_from").orElse("subject");
            extraFrom = HandlerConfigs.string(config, "extra_from").orElse("extra");
        }
        JsonValue subject = HandlerConfigs.path(body, subjectFrom);
        if (!(subject instanceof JsonString s) || s.getString().isEmpty()) {
            throw GatewayException.unauthorized("the session has no subject at " + subjectFrom);
        }
        session.subject(s.getString());
        JsonValue extra = HandlerConfigs.path(body, extraFrom);
        session.extra(extra instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT);
    }

    static void validate(JsonObject config) {
        HandlerConfigs.httpUrl(config, "check_session_url", "check_session_url");
        HandlerConfigs.string(config, "subject_from");
        HandlerConfigs.string(config, "extra_from");
    }
}
