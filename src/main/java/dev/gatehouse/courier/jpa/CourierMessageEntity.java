package dev.gatehouse.courier.jpa;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.courier.MessageStatus;
import dev.gatehouse.courier.MessageTemplate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "courier_message")
public class CourierMessageEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String channel;
    @Column(nullable = false, updatable = false)
    String template;
    @Column(nullable = false, updatable = false)
    String recipient;
    @Column(nullable = false, updatable = false)
    String locale;
    @Column(nullable = false, updatable = false)
    String subject;
    @Column(name = "body_text", nullable = false, updatable = false)
    String bodyText;
    @Column(name = "body_html", nullable = false, updatable = false)
    String bodyHtml;
    @Column(nullable = false)
    String status;
    @Column(name = "send_count", nullable = false)
    int sendCount;
    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;
    @Column(name = "last_error")
    String lastError;
    @Column(name = "identity_id", updatable = false)
    String identityId;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "sent_at")
    Instant sentAt;
    @Column(name = "template_data", updatable = false)
    String templateData;

    protected CourierMessageEntity() {
    }

    CourierMessageEntity(UUID id, String tenantId) {
        this.id = id;
        this.tenantId = tenantId;
    }

    CourierMessage toMessage() {
        return new CourierMessage(id, tenantId, Channel.parse(channel).orElse(Channel.EMAIL), MessageTemplate.valueOf(template.toUpperCase(java.util.Locale.ROOT)),
                recipient, locale, subject, bodyText, bodyHtml,
                MessageStatus.parse(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                sendCount, nextAttemptAt, lastError, identityId, createdAt, updatedAt, sentAt);
    }
}
