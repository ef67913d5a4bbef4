-- When a credential last proved a sign-in (set in the sign-in's own transaction); NULL until then. Shown by the
-- console and, as last_used_at, by the admin API's credential listing.
ALTER TABLE identity_credential ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
