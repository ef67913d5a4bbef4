-- Indexes for the clean-up job's sweep of remembered login sessions, remembered consents and seen client assertion
-- ids: each batch finds its rows through one of these instead of reading the whole table.
CREATE INDEX oauth2_login_session_expires_idx ON oauth2_login_session (expires_at);
CREATE INDEX oauth2_consent_session_expires_idx ON oauth2_consent_session (expires_at);
CREATE INDEX oauth2_client_assertion_expires_idx ON oauth2_client_assertion (expires_at);
