package dev.gatehouse.courier.api;

import dev.gatehouse.courier.MessageRetry;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.Outbox;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.paging.Pagination;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/courier/messages}, Ory Kratos' courier admin API: list (paged, by status and recipient)
 * and get; beyond Kratos, {@code POST /admin/courier/messages/{id}/retry} queues an abandoned message again
 * ({@link MessageRetry}). Guarded by the admin filter; scoped to the request's tenant.
 */
@Path("admin/courier/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CourierAdminResource {

    @Inject
    Outbox outbox;
    @Inject
    MessageRetry retry;
    @Inject
    CurrentTenant tenant;
    @Context
    HttpServletRequest request;

    @GET
    @Transactional
    public Response list(@QueryParam("page_size") String pageSize, @QueryParam("page_token") String pageToken,
                         @QueryParam("status") String status, @QueryParam("recipient") String recipient) {
        Pagination page = Pagination.parse(pageSize, pageToken);
        Optional<MessageStatus> byStatus = Optional.ofNullable(status).filter(s -> !s.isEmpty()).map(s ->
                MessageStatus.parse(s).orElseThrow(() -> ApiException.invalid("status", "must be one of "
                        + Arrays.stream(MessageStatus.values()).map(MessageStatus::wire).toList())));
        Optional<String> byRecipient = Optional.ofNullable(recipient).map(String::trim).filter(s -> !s.isEmpty());
        return page.answer(outbox.list(tenant.id(), byStatus, byRecipient, page.offset(), page.size() + 1),
                MessageJson::of, PublicUrls.requestUriBuilder(request));
    }

    @POST
    @Path("{id}/retry")
    public JsonObject retry(@PathParam("id") String id) {
        UUID message = Ids.parseUuid(id).orElseThrow(() -> ApiException.notFound("No message with this id"));
        return MessageJson.of(retry.retry(tenant.id(), message, RequestActor.of(request)));
    }

    @GET
    @Path("{id}")
    @Transactional
    public JsonObject get(@PathParam("id") String id) {
        return Ids.parseUuid(id).flatMap(u -> outbox.find(tenant.id(), u)).map(MessageJson::of)
                .orElseThrow(() -> ApiException.notFound("No message with this id"));
    }
}
