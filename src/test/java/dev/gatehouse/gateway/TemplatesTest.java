package dev.gatehouse.gateway;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplatesTest {

    static AuthenticationSession session() {
        AuthenticationSession s = new AuthenticationSession(List.of("42", "items"), "http://api.test/accounts/42/items", "GET");
        s.subject("user-1");
        s.extra(Json.createObjectBuilder().add("identity", Json.createObjectBuilder()
                .add("traits", Json.createObjectBuilder().add("email", "ada@example.test"))
                .add("roles", Json.createArrayBuilder().add("admin").add("dev"))).build());
        return s;
    }

    @Test
    void renderWhenOathkeeperStyleActionsThenValuesSubstituted() {
        String out = Templates.compile("sub={{ print .Subject }} mail={{ print .Extra.identity.traits.email }} "
                + "id={{ printIndex .MatchContext.RegexpCaptureGroups 0 }} m={{ .MatchContext.Method }} p={{ .MatchContext.URL.Path }}")
                .render(session());

        assertEquals("sub=user-1 mail=ada@example.test id=42 m=GET p=/accounts/42/items", out);
    }

    @Test
    void renderWhenValueMissingOrIndexOutOfRangeThenEmpty() {
        assertEquals("[][]", Templates.compile("[{{ print .Extra.nope.deeper }}][{{ printIndex .MatchContext.RegexpCaptureGroups 9 }}]")
                .render(session()));
    }

    @Test
    void renderWhenListThenGoStyle() {
        assertEquals("[admin dev]", Templates.compile("{{ print .Extra.identity.roles }}").render(session()));
    }

    @Test
    void renderWhenEscaperGivenThenOnlySubstitutedValuesEscaped() {
        AuthenticationSession s = session();
        s.subject("a\"b");

        String out = Templates.compile("{\"s\":\"{{ print .Subject }}\"}").render(s, v -> v.replace("\"", "\\\""));

        assertEquals("{\"s\":\"a\\\"b\"}", out);
    }

    @Test
    void renderWhenToJsonThenValueAsJsonUnescapedInBothForms() {
        AuthenticationSession s = session();
        UnaryOperator<String> jsonEscape = v -> v.replace("\"", "\\\"");

        String piped = Templates.compile("{\"roles\": {{ .Extra.identity.roles | toJson }}, \"sub\": {{ toJson .Subject }}}")
                .render(s, jsonEscape);

        JsonObject claims = Json.createReader(new java.io.StringReader(piped)).readObject();
        assertEquals(Json.createArrayBuilder().add("admin").add("dev").build(), claims.getJsonArray("roles"));
        assertEquals(s.subject(), claims.getString("sub"));
        assertEquals("null", Templates.compile("{{ .Extra.nope | toJson }}").render(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ .Subject | exec }}", "{{ .Subject | }}", "{{ toJson .Subject .Subject }}"})
    void compileWhenPipelineUnsupportedThenRefused(String template) {
        assertThrows(IllegalArgumentException.class, () -> Templates.compile(template));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ exec .Subject }}", "{{ .Secrets }}", "{{ print .Subject", "{{ }}", "{{ index .Subject x }}",
            "{{ .MatchContext }}", "{{ call .Subject }}"})
    void compileWhenUnsupportedThenRefused(String template) {
        assertThrows(IllegalArgumentException.class, () -> Templates.compile(template));
    }
}
