package dev.gatehouse.admin.console.courier;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.admin.console.PagedList;
import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.courier.MessageRetry;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.Outbox;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.db.Transactions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;

/**
 * The courier's messages, newest first, as {@code GET /admin/courier/messages} lists them: filtered by status
 * ({@code ?status=}) and by recipient (the search, {@code ?q=}). An abandoned message may be retried through
 * {@link MessageRetry}, the service behind {@code POST /admin/courier/messages/{id}/retry}.
 */
@Named
@RequestScoped
public class CourierView extends PagedList<CourierMessage> {

    /** The statuses the filter offers: those a message rests in. */
    private static final List<MessageStatus> SHOWN = List.of(MessageStatus.QUEUED, MessageStatus.SENT, MessageStatus.ABANDONED,
            MessageStatus.HELD);

    @Inject
    Outbox outbox;
    @Inject
    MessageRetry retry;
    @Inject
    Transactions transactions;
    @Inject
    CurrentTenant tenant;

    @Override
    protected List<CourierMessage> read(String query, int offset, int limit) {
        Optional<String> recipient = Optional.of(query).filter(q -> !q.isEmpty());
        return transactions.call(() -> outbox.list(tenant.id(), status(), recipient, offset, limit));
    }

    @Override
    protected ConsolePage page() {
        return ConsolePage.COURIER;
    }

    @Override
    protected String filters() {
        return status().map(s -> "&status=" + s.wire()).orElse("");
    }

    /** The status filter's value, empty for all. */
    public String getStatus() {
        return status().map(MessageStatus::wire).orElse("");
    }

    public List<String> getStatuses() {
        return SHOWN.stream().map(MessageStatus::wire).toList();
    }

    public boolean retriable(CourierMessage message) {
        return message.status() == MessageStatus.ABANDONED;
    }

    /** Queues the abandoned message named by the form's {@code message} again. */
    public String retryMessage() {
        String id = request().getParameter("message");
        try {
            retry.retry(tenant.id(), Ids.parseUuid(id == null ? "" : id).orElseThrow(() -> ApiException.notFound("No message with this id")),
                    RequestActor.of(request()));
            ConsoleMessages.info("console.courier.retried");
        } catch (ApiException e) {
            ConsoleMessages.refused(e.detail());
        }
        return null;
    }

    private Optional<MessageStatus> status() {
        String status = request().getParameter("status");
        return status == null ? Optional.empty() : MessageStatus.parse(status.trim()).filter(SHOWN::contains);
    }

}
