-- The courier's outbox. A message is rendered when it is queued (a later template change does not alter
-- it) and written in the caller's transaction; a scheduled sender on any node claims due rows with
-- FOR UPDATE SKIP LOCKED, so each message has one sender. Codes and links live in the bodies only until
-- the message is sent; last_error is short and redacted.
CREATE TABLE courier_message (
    id              UUID          NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(63)   NOT NULL REFERENCES tenant (id),
    template        VARCHAR(64)   NOT NULL,
    recipient       VARCHAR(320)  NOT NULL,
    locale          VARCHAR(16)   NOT NULL,
    subject         VARCHAR(998)  NOT NULL,
    body_text       VARCHAR       NOT NULL,
    body_html       VARCHAR       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    send_count      INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    identity_id     VARCHAR(36),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT courier_message_status CHECK (status IN ('queued', 'processing', 'sent', 'abandoned', 'held'))
);
-- the sender's query: due rows by status and time
CREATE INDEX courier_message_due_idx ON courier_message (status, next_attempt_at);
-- the admin API's list: newest first per tenant
CREATE INDEX courier_message_tenant_created_idx ON courier_message (tenant_id, created_at, id);
