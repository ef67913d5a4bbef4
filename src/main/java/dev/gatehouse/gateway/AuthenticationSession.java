package dev.gatehouse.gateway;

import jakarta.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline learns about a request, as Oathkeeper's {@code AuthenticationSession}: the subject,
 * the {@code Extra} claims an authenticator found, the headers the mutators set for the upstream (a
 * {@code cookie} mutator's as {@code Cookie}), and the {@code MatchContext} (capture groups, URL, method)
 * templates may read. One per decision; not shared between threads.
 */
public final class AuthenticationSession {

    private String subject = "";
    private JsonObject extra = JsonObject.EMPTY_JSON_OBJECT;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> captureGroups;
    private final String url;
    private final String method;

    public AuthenticationSession(List<String> captureGroups, String url, String method) {
        this.captureGroups = List.copyOf(captureGroups);
        this.url = url;
        this.method = method;
    }

    public String subject() {
        return subject;
    }

    public void subject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public JsonObject extra() {
        return extra;
    }

    public void extra(JsonObject extra) {
        this.extra = extra == null ? JsonObject.EMPTY_JSON_OBJECT : extra;
    }

    /** Headers for the upstream; same-named incoming headers are removed before these are added. */
    public Map<String, String> headers() {
        return headers;
    }

    public List<String> captureGroups() {
        return captureGroups;
    }

    public String url() {
        return url;
    }

    public String method() {
        return method;
    }
}
