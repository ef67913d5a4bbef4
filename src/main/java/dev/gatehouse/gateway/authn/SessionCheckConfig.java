package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.ConfigKeys;
import dev.gatehouse.gateway.HandlerConfigs;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cookie_session} and {@code bearer_token} share: where a session is checked
 * ({@code check_session_url}, empty for our own sessions in-process), where subject and extra are read
 * ({@code subject_from}, {@code extra_from}; their defaults depend on the place) and how the remote call is
 * shaped (see {@link SessionCheck}).
 */
record SessionCheckConfig(Optional<URI> checkSessionUrl, Optional<String> subjectFrom, Optional<String> extraFrom,
                          boolean preservePath, boolean preserveQuery, boolean preserveHost, String forceMethod,
                          List<String> forwardHttpHeaders, Map<String, String> additionalHeaders) {

    /** The keys both session handlers share (Oathkeeper's schema for each). */
    static final ConfigKeys KEYS = ConfigKeys.of("check_session_url", "subject_from", "extra_from", "preserve_path",
            "preserve_query", "preserve_host", "force_method", "forward_http_headers", "additional_headers");

    static SessionCheckConfig parse(JsonObject config) {
        Optional<URI> url = HandlerConfigs.httpUrl(config, "check_session_url", "check_session_url");
        Optional<String> subjectFrom = HandlerConfigs.string(config, "subject_from");
        Optional<String> extraFrom = HandlerConfigs.string(config, "extra_from");
        boolean preservePath = HandlerConfigs.bool(config, "preserve_path", true);
        boolean preserveQuery = HandlerConfigs.bool(config, "preserve_query", true);
        boolean preserveHost = HandlerConfigs.bool(config, "preserve_host", false);
        String method = HandlerConfigs.string(config, "force_method").orElse("GET");
        if (!method.matches("[A-Z]{1,16}")) {
            throw new IllegalArgumentException("force_method must be an HTTP method in upper case, such as GET or POST");
        }
        return new SessionCheckConfig(url, subjectFrom, extraFrom, preservePath, preserveQuery, preserveHost, method,
                HandlerConfigs.headerNames(config, "forward_http_headers"), HandlerConfigs.headers(config, "additional_headers"));
    }
}
