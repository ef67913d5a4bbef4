package dev.gatehouse.gateway.api;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.engine.ActiveRules;
import dev.gatehouse.gateway.engine.RuleSet;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /admin/rules/validate}: checks a rule document (JSON, YAML with a YAML content type, jsonnet with
 * {@code application/jsonnet} or {@code ?format=jsonnet}: the configured external variables, no imports) the
 * way a reload would (structure, patterns, unique ids, known handlers and their configs) without putting
 * it in force. 200 with the rule ids; a 400 problem when the document does not parse, a 422 naming the field and why
 * when a rule is not valid.
 */
@Path("admin/rules/validate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RuleValidationResource {

    @Inject
    ActiveRules rules;
    @Inject
    GatewayConfig config;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "application/jsonnet",
            MediaType.TEXT_PLAIN})
    public Response validate(@HeaderParam("Content-Type") String contentType, @QueryParam("format") String format,
            InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(RuleDocuments.MAX_DOCUMENT_CHARS + 1);
        if (bytes.length > RuleDocuments.MAX_DOCUMENT_CHARS) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "The rule document is too large");
        }
        try {
            RuleDocuments.Format f = "jsonnet".equals(format) ? RuleDocuments.Format.JSONNET
                    : RuleDocuments.Format.ofMediaType(contentType);
            List<Rule> parsed = RuleDocuments.parse(f, new String(bytes, StandardCharsets.UTF_8), null, null,
                    config.jsonnet());
            RuleSet set = rules.build(parsed);
            JsonArrayBuilder ids = JsonP.createArrayBuilder();
            set.rules().forEach(r -> ids.add(r.id()));
            return Response.ok(JsonP.createObjectBuilder().add("valid", true).add("rules", ids).build()).build();
        } catch (InvalidRuleException e) {
            if (e.field().equals("document")) {
                throw ApiException.malformed("The rule document " + e.reason());
            }
            throw ApiException.invalid(e.field(), e.reason());
        }
    }
}
