-- Indexes for the clean-up job, which deletes expired rows in small batches tenant by tenant: each batch finds
-- its rows through one of these instead of reading the whole table.
CREATE INDEX identity_session_expires_idx ON identity_session (expires_at);
CREATE INDEX login_throttle_first_failure_idx ON login_throttle (first_failure);
CREATE INDEX courier_message_status_updated_idx ON courier_message (status, updated_at);
CREATE INDEX oauth2_logout_request_expires_idx ON oauth2_logout_request (expires_at);
