package dev.gatehouse.identity.api;

import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Kratos' public schema endpoints: {@code GET /schemas} lists {@code {"id", "schema"}} pairs, paginated
 * with {@code page_size}/{@code page_token} and a {@code Link: <...>; rel="next"} header;
 * {@code GET /schemas/{id}} serves the schema document itself, which is what UIs render forms from.
 */
@Path("schemas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Inject
    IdentitySchemas schemas;
    @Context
    HttpServletRequest request;

    @GET
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken) {
        Pagination page = Pagination.parse(pageSize, pageToken);
        List<IdentitySchema> fetched = schemas.all().stream().skip(page.offset()).limit(page.size() + 1L).toList();
        return page.answer(fetched, SchemaResource::entry, PublicUrls.requestUriBuilder(request));
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        // identities link their schema as /schemas/<base64url(id)>, as Kratos does; plain ids work too
        return schemas.find(id).or(() -> decoded(id).flatMap(schemas::find)).map(IdentitySchema::document)
                .orElseThrow(() -> ApiException.notFound("No identity schema with this id"));
    }

    /** One item of the list, as Kratos' {@code identitySchemaContainer}. */
    private static JsonObject entry(IdentitySchema schema) {
        return JsonP.createObjectBuilder().add("id", schema.id()).add("schema", schema.document()).build();
    }

    private static java.util.Optional<String> decoded(String id) {
        try {
            return java.util.Optional.of(new String(java.util.Base64.getUrlDecoder().decode(id), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
