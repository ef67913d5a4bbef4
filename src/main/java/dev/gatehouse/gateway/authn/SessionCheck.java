package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.HandlerConfigs;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.port.SessionLookup;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a session credential for {@code cookie_session} and {@code bearer_token}: in-process against our
 * identity sessions (no {@code check_session_url}: the session is read as {@code /sessions/whoami} shows it,
 * subject from {@code identity.id}), or by calling {@code check_session_url} with the credential (200 and
 * a JSON body: valid; subject from {@code subject_from}, claims from {@code extra_from}, gjson-like dotted
 * paths as in Oathkeeper). The remote call is shaped by Oathkeeper's {@code preserve_path},
 * {@code preserve_query}, {@code preserve_host}, {@code force_method} (default {@code GET}),
 * {@code forward_http_headers} and {@code additional_headers}.
 */
@ApplicationScoped
public class SessionCheck {

    private static final String QUERY_CHARS = "-._~!$&'()*+,;=:@/?";
    private static final String HEX = "0123456789ABCDEF";

    @Inject
    SessionLookup sessions;
    @Inject
    RemoteCalls remote;

    void check(SessionCheckConfig config, String token, Map<String, String> credentials, GatewayRequest request,
               AuthenticationSession session) {
        JsonValue body;
        String subjectFrom;
        String extraFrom;
        if (config.checkSessionUrl().isEmpty()) {
            body = sessions.whoami(request.tenant(), token, URI.create(request.target().scheme() + "://"
                    + request.target().host() + "/"))
                    .orElseThrow(() -> GatewayException.unauthorized("no valid session for the credential"));
            subjectFrom = config.subjectFrom().orElse("identity.id");
            extraFrom = config.extraFrom().orElse("@this");
        } else {
            RemoteCalls.Reply reply = remote.call(config.forceMethod(), checkUri(config.checkSessionUrl().get(), config, request),
                    headers(config, credentials, request), null);
            if (reply.status() != 200) {
                throw GatewayException.unauthorized("check_session_url answered " + reply.status());
            }
            body = JsonText.read(reply.body());
            subjectFrom = config.subjectFrom().orElse("subject");
            extraFrom = config.extraFrom().orElse("extra");
        }
        JsonValue subject = HandlerConfigs.path(body, subjectFrom);
        if (!(subject instanceof JsonString s) || s.getString().isEmpty()) {
            throw GatewayException.unauthorized("the session has no subject at " + subjectFrom);
        }
        session.subject(s.getString());
        JsonValue extra = HandlerConfigs.path(body, extraFrom);
        session.extra(extra instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT);
    }

    /**
     * {@code check_session_url} with, as in Oathkeeper, the request's path unless {@code preserve_path}
     * and its query unless {@code preserve_query}. Both default to {@code true} here (Oathkeeper's
     * {@code preserve_path} defaults to {@code false}), so a URL such as {@code .../sessions/whoami} is called
     * as written.
     */
    static URI checkUri(URI base, SessionCheckConfig config, GatewayRequest request) {
        String path = config.preservePath() ? base.getRawPath() : request.target().encodedPath();
        String query = config.preserveQuery() ? base.getRawQuery() : uriSafe(request.rawQuery());
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + (path == null ? "" : path)
                + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /**
     * A query as clients send it, made fit for a URI: characters a URI cannot hold (spaces, {@code |}, non-ASCII,
     * a {@code %} not starting an escape) are percent-encoded, so a sloppy query is passed on, not a failed check.
     */
    static String uriSafe(String rawQuery) {
        byte[] bytes = rawQuery.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escape || c < 0x80 && c != '%' && (Character.isLetterOrDigit(c) || QUERY_CHARS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return HEX.indexOf(Character.toUpperCase((char) b)) >= 0;
    }

    /**
     * What goes to {@code check_session_url}: the request's headers named in {@code forward_http_headers},
     * the handler's credential (which wins over a forwarded header of the same name),
     * {@code X-Forwarded-Host} when {@code preserve_host}, then {@code additional_headers} over everything.
     */
    static Map<String, String> headers(SessionCheckConfig config, Map<String, String> credentials, GatewayRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : config.forwardHttpHeaders()) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            if (!values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        }
        headers.putAll(credentials);
        if (config.preserveHost()) {
            headers.put("X-Forwarded-Host", request.target().host());
        }
        headers.putAll(config.additionalHeaders());
        return headers;
    }
}
