package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.json.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OpenID Connect Core §3.1.2.1), as kept
 * with its flow from the login challenge to the code. Built by {@link AuthorizationRequestParser}.
 *
 * @param redirectUri the redirect URI the answer goes to: the one given, or the client's only one
 * @param redirectUriGiven whether the request named it (then the token request must repeat it)
 */
public record AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, List<String> scope,
                                   Optional<String> state, Optional<String> nonce, Optional<String> codeChallenge,
                                   Set<Prompt> prompt, Optional<Long> maxAge, Optional<String> loginHint,
                                   List<String> uiLocales, Optional<String> idTokenHint,
                                   Optional<String> idTokenHintSubject, List<String> acrValues,
                                   Optional<String> display, List<String> audience) {

    /** OpenID Connect Core §3.1.2.1 {@code prompt} values. */
    public enum Prompt {
        NONE, LOGIN, CONSENT, SELECT_ACCOUNT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Prompt> parse(String value) {
            return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
        }
    }

    public AuthorizationRequest {
        scope = List.copyOf(scope);
        prompt = Set.copyOf(prompt);
        uiLocales = List.copyOf(uiLocales);
        acrValues = List.copyOf(acrValues);
        audience = List.copyOf(audience);
    }

    public boolean prompts(Prompt p) {
        return prompt.contains(p);
    }

    public String scopeText() {
        return String.join(" ", scope);
    }

    /** Hydra's {@code oidc_context} of the login and consent requests. */
    public JsonObject oidcContext() {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("acr_values", strings(acrValues))
                .add("ui_locales", strings(uiLocales));
        display.ifPresent(d -> b.add("display", d));
        loginHint.ifPresent(h -> b.add("login_hint", h));
        idTokenHintSubject.ifPresent(s -> b.add("id_token_hint_claims", JsonP.createObjectBuilder().add("sub", s)));
        return b.build();
    }

    public String toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder()
                .add("client_id", clientId).add("redirect_uri", redirectUri).add("redirect_uri_given", redirectUriGiven)
                .add("scope", strings(scope)).add("prompt", strings(prompt.stream().map(Prompt::wire).sorted().toList()))
                .add("ui_locales", strings(uiLocales)).add("acr_values", strings(acrValues)).add("audience", strings(audience));
        state.ifPresent(v -> b.add("state", v));
        nonce.ifPresent(v -> b.add("nonce", v));
        codeChallenge.ifPresent(v -> b.add("code_challenge", v));
        maxAge.ifPresent(v -> b.add("max_age", v));
        loginHint.ifPresent(v -> b.add("login_hint", v));
        idTokenHint.ifPresent(v -> b.add("id_token_hint", v));
        idTokenHintSubject.ifPresent(v -> b.add("id_token_hint_sub", v));
        display.ifPresent(v -> b.add("display", v));
        return JsonText.write(b.build());
    }

    public static AuthorizationRequest fromJson(String text) {
        JsonObject o = JsonText.readObject(text);
        Set<Prompt> prompt = new LinkedHashSet<>();
        list(o, "prompt").forEach(p -> Prompt.parse(p).ifPresent(prompt::add));
        return new AuthorizationRequest(o.getString("client_id"), o.getString("redirect_uri"),
                o.getBoolean("redirect_uri_given"), list(o, "scope"), opt(o, "state"), opt(o, "nonce"),
                opt(o, "code_challenge"), prompt,
                o.containsKey("max_age") ? Optional.of(o.getJsonNumber("max_age").longValue()) : Optional.empty(),
                opt(o, "login_hint"), list(o, "ui_locales"), opt(o, "id_token_hint"), opt(o, "id_token_hint_sub"),
                list(o, "acr_values"), opt(o, "display"), list(o, "audience"));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = JsonP.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonObject o, String field) {
        return o.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Optional<String> opt(JsonObject o, String field) {
        return o.containsKey(field) ? Optional.of(o.getString(field)) : Optional.empty();
    }
}
