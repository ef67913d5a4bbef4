-- The courier's SMS channel. A message goes by e-mail (SMTP) or by SMS (an HTTP SMS gateway); rows written
-- before this migration are e-mail. An SMS keeps its text in body_text (subject and body_html are empty) and
-- the values its template was filled with, as JSON, in template_data: the gateway's request body is rendered
-- from them when the message is sent, so a broken request template leaves the message queued, not lost.
ALTER TABLE courier_message ADD COLUMN channel VARCHAR(16) DEFAULT 'email' NOT NULL;
ALTER TABLE courier_message ADD COLUMN template_data VARCHAR;
ALTER TABLE courier_message ADD CONSTRAINT courier_message_channel CHECK (channel IN ('email', 'sms'));
