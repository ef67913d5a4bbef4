package dev.gatehouse.gateway;

import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each handler's config is parsed once, when its rule is compiled, and what it cannot use refuses the rule with the
 * message rule authors have always got: the rule, the handler and the key, and why.
 */
class HandlerConfigParseTest {

    /** A rule with {@code handler} of {@code kind} configured by {@code config}, the other slots taking no config. */
    private static Rule rule(String kind, String handler, String config) {
        String ref = "{\"handler\": \"" + handler + "\", \"config\": " + config + "}";
        return RuleDocuments.parse(RuleDocuments.Format.JSON, """
                [{"id": "r1", "match": {"url": "http://app.test/<.*>", "methods": ["GET"]},
                  "authenticators": [%s], "authorizer": %s, "mutators": [%s], "errors": [%s]}]
                """.formatted(kind.equals("authenticators") ? ref : "{\"handler\": \"noop\"}",
                kind.equals("authorizers") ? ref : "{\"handler\": \"allow\"}",
                kind.equals("mutators") ? ref : "{\"handler\": \"noop\"}",
                kind.equals("errors") ? ref : "{\"handler\": \"json\"}")).get(0);
    }

    private static String refusal(String kind, String handler, String config) {
        Rule rule = rule(kind, handler, config);
        return assertThrows(InvalidRuleException.class, () -> TestHandlers.everyHandler().compile(rule)).getMessage();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments("authenticators", "anonymous", "{\"subject\": 1}", "subject must be a string"),
                arguments("authenticators", "cookie_session", "{\"only\": \"ory_kratos_session\"}", "only must be an array of strings"),
                arguments("authenticators", "cookie_session", "{\"check_session_url\": \"ftp://sessions.test/\"}",
                        "check_session_url must be an absolute http(s) URL"),
                arguments("authenticators", "cookie_session", "{\"force_method\": \"get it\"}",
                        "force_method must be an HTTP method in upper case, such as GET or POST"),
                arguments("authenticators", "bearer_token", "{\"preserve_query\": \"no\"}", "preserve_query must be true or false"),
                arguments("authenticators", "bearer_token", "{\"forward_http_headers\": [\"Host\"]}",
                        "forward_http_headers: the header \"Host\" cannot be set by a handler"),
                arguments("authenticators", "bearer_token", "{\"additional_headers\": {\"Bad Name\": \"x\"}}",
                        "additional_headers: \"Bad Name\" is not an HTTP header name"),
                arguments("authenticators", "bearer_token", "{\"token_from\": {\"header\": \"X-Token\", \"cookie\": \"token\"}}",
                        "token_from takes one of header, query_parameter, cookie"),
                arguments("authenticators", "bearer_token", "{\"token_from\": \"header\"}", "token_from must be an object"),
                arguments("authenticators", "jwt", "{}", "jwks_urls must name at least one URL"),
                arguments("authenticators", "jwt", "{\"jwks_urls\": [\"http://keys.test/\"], \"allowed_algorithms\": [\"none\"]}",
                        "allowed_algorithms holds an unknown algorithm none"),
                arguments("authenticators", "jwt", "{\"jwks_urls\": [\"http://keys.test/\"], \"scope_strategy\": \"prefix\"}",
                        "scope_strategy must be one of [exact, hierarchic, wildcard, none]"),
                arguments("authenticators", "jwt", "{\"jwks_urls\": [\"http://keys.test/\"], \"scope_strategy\": \"none\", "
                        + "\"required_scope\": [\"read\"]}", "scope_strategy none cannot check required_scope; use exact, hierarchic or wildcard"),
                arguments("authenticators", "oauth2_introspection", "{\"scope_strategy\": \"none\", \"required_scope\": [\"read\"]}",
                        "scope_strategy none leaves required_scope to the introspection endpoint, so it needs introspection_url; "
                                + "use exact, hierarchic or wildcard"),
                arguments("authenticators", "oauth2_introspection", "{\"introspection_url\": \"/introspect\"}",
                        "introspection_url must be an absolute http(s) URL"),
                arguments("authenticators", "oauth2_introspection", "{\"cache\": {\"max_cost\": 0}}", "cache.max_cost must be at least 1"),
                arguments("authenticators", "oauth2_introspection", "{\"cache\": {\"ttl\": \"soon\"}}", "ttl must be a duration such as 10s"),
                arguments("authenticators", "oauth2_introspection", "{\"introspection_request_headers\": {\"Host\": \"a.test\"}}",
                        "introspection_request_headers: the header \"Host\" cannot be set by a handler"),
                arguments("authenticators", "oauth2_introspection", "{\"pre_authorization\": {\"enabled\": true, "
                        + "\"token_url\": \"ftp://auth.test/token\"}}", "token_url must be an absolute http(s) URL"),
                arguments("authenticators", "oauth2_client_credentials", "{\"token_url\": \"token\"}",
                        "token_url must be an absolute http(s) URL"),
                arguments("authenticators", "oauth2_client_credentials", "{\"cache\": {\"enabled\": \"yes\"}}", "enabled must be true or false"),
                arguments("authenticators", "oauth2_client_credentials", "{\"required_scope\": \"read\"}",
                        "required_scope must be an array of strings"),
                arguments("authorizers", "remote", "{}", "remote is required"),
                arguments("authorizers", "remote", "{\"remote\": \"http://authz.test/\", \"headers\": {\"X-User\": \"{{ exec }}\"}}",
                        "unsupported operand exec"),
                arguments("authorizers", "remote_json", "{\"remote\": \"http://authz.test/\"}", "payload is required"),
                arguments("authorizers", "remote_json", "{\"remote\": \"http://authz.test/\", \"payload\": \"{{ .Secrets }}\"}",
                        "unsupported field .Secrets"),
                arguments("authorizers", "roles", "{}", "required must name at least one role"),
                arguments("authorizers", "roles", "{\"required\": [\"admin\"], \"claim\": []}", "claim must name at least one path"),
                arguments("authorizers", "roles", "{\"required\": [\"admin\"], \"match\": \"some\"}", "match must be all or any"),
                arguments("authorizers", "owner", "{\"capture_group\": -1}", "capture_group and path_segment must not be negative"),
                arguments("authorizers", "owner", "{\"path_segment\": \"one\"}", "path_segment must be a whole number"),
                arguments("mutators", "header", "{\"headers\": {\"Bad Name\": \"x\"}}", "headers has an invalid name Bad Name"),
                arguments("mutators", "header", "{\"headers\": {\"X-User\": 1}}", "headers.X-User must be a template string"),
                arguments("mutators", "header", "{\"headers\": {\"X-User\": \"{{ print .Subject\"}}", "unclosed action at 0"),
                arguments("mutators", "cookie", "{\"cookies\": {\"user\": \"{{ .MatchContext }}\"}}", "unsupported field .MatchContext"),
                arguments("mutators", "hydrator", "{}", "api.url is required"),
                arguments("mutators", "hydrator", "{\"api\": {\"url\": \"http://enrich.test/\", \"auth\": {\"basic\": {\"username\": \"gw\"}}}}",
                        "api.auth.basic needs username and password"),
                arguments("mutators", "id_token", "{\"issuer_url\": \"gatehouse\"}", "issuer_url must be an absolute URL"),
                arguments("mutators", "id_token", "{\"ttl\": \"0s\"}", "ttl must be positive"),
                arguments("mutators", "id_token", "{\"claims\": \"{{ toJson }}\"}", "toJson takes one value"),
                arguments("errors", "redirect", "{\"code\": 200}", "code must be a redirect status"),
                arguments("errors", "redirect", "{\"to\": \"http://login.test/a b\"}", "to must be a URL"),
                arguments("errors", "www_authenticate", "{\"realm\": \"say \\\"hi\\\"\"}", "realm must not hold quotes or control characters"),
                arguments("errors", "json", "{\"when\": \"always\"}", "when must be an array"),
                arguments("errors", "json", "{\"when\": [{\"error\": [\"teapot\"]}]}", "unknown error teapot"),
                arguments("errors", "json", "{\"when\": [{\"request\": {\"cidr\": [\"10.0.0.0/99\"]}}]}", "invalid CIDR 10.0.0.0/99"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badValues")
    void compileWhenAValueCannotBeUsedThenRefusedNamingRuleHandlerAndKey(String kind, String handler, String config, String why) {
        assertEquals("rule r1: " + kind + " " + handler + " has an invalid config: " + why, refusal(kind, handler, config));
    }

    static Stream<Arguments> unknownKeys() {
        return Stream.of(
                arguments("authenticators", "anonymous", "subject"),
                arguments("authenticators", "cookie_session", "additional_headers, check_session_url, extra_from, force_method, "
                        + "forward_http_headers, only, preserve_host, preserve_path, preserve_query, subject_from"),
                arguments("authenticators", "bearer_token", "additional_headers, check_session_url, extra_from, force_method, "
                        + "forward_http_headers, prefix, preserve_host, preserve_path, preserve_query, subject_from, "
                        + "token_from.cookie, token_from.header, token_from.query_parameter"),
                arguments("authenticators", "jwt", "allowed_algorithms, jwks_max_wait, jwks_ttl, jwks_urls, required_scope, "
                        + "scope_strategy, target_audience, token_from.cookie, token_from.header, token_from.query_parameter, "
                        + "trusted_issuers"),
                arguments("authenticators", "oauth2_introspection", "cache.enabled, cache.max_cost, cache.ttl, introspection_request_headers, "
                        + "introspection_url, pre_authorization.audience, pre_authorization.client_id, pre_authorization.client_secret, "
                        + "pre_authorization.enabled, pre_authorization.scope, pre_authorization.token_url, prefix, preserve_host, "
                        + "required_scope, retry, scope_strategy, target_audience, token_from.cookie, token_from.header, "
                        + "token_from.query_parameter, trusted_issuers"),
                arguments("authenticators", "oauth2_client_credentials", "cache.enabled, cache.max_tokens, cache.ttl, required_scope, "
                        + "retry, token_url"),
                arguments("authorizers", "remote", "forward_response_headers_to_upstream, headers, remote, retry"),
                arguments("authorizers", "remote_json", "forward_response_headers_to_upstream, headers, payload, remote, retry"),
                arguments("authorizers", "roles", "claim, match, required"),
                arguments("authorizers", "owner", "capture_group, path_segment"),
                arguments("mutators", "header", "headers"),
                arguments("mutators", "cookie", "cookies"),
                arguments("mutators", "hydrator", "api.auth.basic.password, api.auth.basic.username, api.retry, api.url, cache"),
                arguments("mutators", "id_token", "claims, issuer_url, jwks_url, ttl"),
                arguments("errors", "redirect", "code, return_to_query_param, to, when"),
                arguments("errors", "www_authenticate", "realm, when"),
                arguments("errors", "json", "verbose, when"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unknownKeys")
    void compileWhenAKeyIsUnknownThenRefusedListingTheHandlersKeys(String kind, String handler, String known) {
        assertEquals("rule r1: " + kind + " " + handler + " has an unknown config key \"misspelt\" (known: " + known + ")",
                refusal(kind, handler, "{\"misspelt\": true}"));
    }
}
